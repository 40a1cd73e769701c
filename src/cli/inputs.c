/* The input listing; see inputs.h.
 *
 * Every file listed and every folder walked is remembered by (device,
 * inode) in one open-addressing set, so a file reached twice (named twice,
 * through a symbolic link, or in a folder walked twice) is listed once, at
 * its first place, and a folder already walked is not walked again.  A link
 * back to a folder on the current path is such a folder: loops end there,
 * and `ln -s . a; ln -s . b` costs two lookups, not 2^32 walks. */
#include "inputs.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PATH_BLOCK (64u * 1024u)

/* A block starts with this header; the texts follow. */
typedef struct {
    char *prev;   /* the block filled before this one */
    size_t limit; /* names: every item named here comes before this index */
} block_head;

/* Copy @p s into the current block of a chain (a new one when full): a long
 * list of paths then costs its bytes, not a heap allocation each.  Folder
 * parts go to one chain (@p dir: they live as long as the listing), file
 * names to the other, which cli_items_release frees as a batch moves on. */
static char *keep(cli_items *it, const char *s, int dir)
{
    char **block = dir ? &it->dir_block : &it->block;
    size_t *used = dir ? &it->dir_block_used : &it->block_used;
    size_t n = strlen(s) + 1;
    char *dst;
    if (n > PATH_BLOCK - sizeof(block_head))
        return NULL;
    if (!*block || *used + n > PATH_BLOCK) {
        char *b = malloc(PATH_BLOCK);
        block_head h;
        if (!b)
            return NULL;
        if (*block) { /* the old block names items before this one */
            memcpy(&h, *block, sizeof(h));
            h.limit = it->count;
            memcpy(*block, &h, sizeof(h));
        }
        h.prev = *block;
        h.limit = SIZE_MAX;
        memcpy(b, &h, sizeof(h));
        *block = b;
        *used = sizeof(block_head);
    }
    dst = *block + *used;
    memcpy(dst, s, n);
    *used += n;
    return dst;
}

static char *keep_path(cli_items *it, const char *path)
{
    return keep(it, path, 0);
}

static char *keep_dir(cli_items *it, const char *dir)
{
    return keep(it, dir, 1);
}

static void free_chain(char *b)
{
    while (b) {
        block_head h;
        memcpy(&h, b, sizeof(h));
        free(b);
        b = h.prev;
    }
}

void cli_items_forget_seen(cli_items *items)
{
    free(items->seen);
    items->seen = NULL;
    items->nseen = items->seen_cap = 0;
}

void cli_items_release(cli_items *items, size_t done)
{
    char *b = items->block;
    block_head h;
    /* Blocks are chained newest first and their limits fall along the
     * chain: cut it after the newest block that still names a later item. */
    while (b) {
        char *prev;
        memcpy(&h, b, sizeof(h));
        prev = h.prev;
        if (prev) {
            block_head ph;
            memcpy(&ph, prev, sizeof(ph));
            if (ph.limit <= done) {
                h.prev = NULL;
                memcpy(b, &h, sizeof(h));
                free_chain(prev);
                return;
            }
        }
        b = prev;
    }
}

/* The set of (device, inode) pairs seen.  A folder's entry keeps its path
 * (as walked, with a trailing '/') for cli_items_check_output. */
struct cli_seen_entry {
    dev_t dev;
    ino_t ino;
    const char *folder;     /* NULL for a file */
    int used;
};

static size_t seen_hash(dev_t dev, ino_t ino)
{
    uint64_t h = ((uint64_t)ino * 0x9E3779B97F4A7C15u) ^ ((uint64_t)dev * 0xC2B2AE3D27D4EB4Fu);
    return (size_t)(h ^ (h >> 29));
}

static struct cli_seen_entry *seen_find(const cli_items *it, dev_t dev, ino_t ino)
{
    size_t i;
    if (!it->seen_cap)
        return NULL;
    for (i = seen_hash(dev, ino) & (it->seen_cap - 1); it->seen[i].used;
         i = (i + 1) & (it->seen_cap - 1))
        if (it->seen[i].dev == dev && it->seen[i].ino == ino)
            return &it->seen[i];
    return NULL;
}

/* Record @p st's file or folder; 1 when it was new, 0 when seen before, -1
 * when out of memory. */
static int seen_add(cli_items *it, const struct stat *st, const char *folder)
{
    size_t i;
    if (seen_find(it, st->st_dev, st->st_ino))
        return 0;
    if ((it->nseen + 1) * 2 > it->seen_cap) {
        size_t cap = it->seen_cap ? it->seen_cap * 2 : 256, k;
        struct cli_seen_entry *n = calloc(cap, sizeof(*n));
        if (!n)
            return -1;
        for (k = 0; k < it->seen_cap; k++) {
            if (!it->seen[k].used)
                continue;
            for (i = seen_hash(it->seen[k].dev, it->seen[k].ino) & (cap - 1); n[i].used;
                 i = (i + 1) & (cap - 1))
                ;
            n[i] = it->seen[k];
        }
        free(it->seen);
        it->seen = n;
        it->seen_cap = cap;
    }
    for (i = seen_hash(st->st_dev, st->st_ino) & (it->seen_cap - 1); it->seen[i].used;
         i = (i + 1) & (it->seen_cap - 1))
        ;
    it->seen[i].dev = st->st_dev;
    it->seen[i].ino = st->st_ino;
    it->seen[i].folder = folder;
    it->seen[i].used = 1;
    it->nseen++;
    return 1;
}

static int push_item(cli_items *it, item_kind kind, const char *dir, const char *name)
{
    char *copy;
    if (it->count == it->cap) {
        size_t cap = it->cap ? it->cap * 2 : 64;
        cli_item *n = realloc(it->items, cap * sizeof(*n));
        if (!n)
            return -1;
        it->items = n;
        it->cap = cap;
    }
    if (!(copy = keep_path(it, name)))
        return -1;
    it->items[it->count].kind = kind;
    it->items[it->count].dir = dir;
    it->items[it->count].name = copy;
    it->count++;
    return 0;
}

const char *cli_item_path(const cli_item *item, char *buf)
{
    if (!item->dir[0])
        return item->name;
    snprintf(buf, CLI_PATH_MAX, "%s%s", item->dir, item->name);
    return buf;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcmp(s + n - m, suffix) == 0;
}

/* As has_suffix, ignoring ASCII case (Windows saves BOOK.XLSX). */
static int has_suffix_nocase(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix), i;
    if (n <= m)
        return 0;
    for (i = 0; i < m; i++) {
        char c = s[n - m + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

int cli_is_sheet_name(const char *name)
{
    /* CSV and .xlsx are read; .xlsm, .xls and .ods go to the workbook reader too, which
     * says what to do with them (never "unknown file"). */
    return has_suffix(name, ".csv") || has_suffix_nocase(name, ".xlsx") ||
           has_suffix_nocase(name, ".xlsm") || has_suffix_nocase(name, ".xls") ||
           has_suffix_nocase(name, ".ods");
}

int cli_is_unit_name(const char *name)
{
    return name[0] != '.' &&
           (has_suffix(name, ".yaml") || has_suffix(name, ".yml") || has_suffix(name, ".json"));
}

/* List the unit file @p name of folder @p dir (@p st: its stat, or NULL
 * when it cannot be reached) unless it is listed already; 0 or -1. */
static int push_file(cli_items *it, item_kind kind, const char *dir, const char *name,
                     const struct stat *st)
{
    int fresh = st ? seen_add(it, st, NULL) : 1;
    if (fresh < 0)
        return -1;
    return fresh ? push_item(it, kind, dir, name) : 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk @p dir (@p dst its stat) in name order; hidden entries are skipped.
 * *found counts the unit files met, listed before or not.  0, -1 when out of
 * memory, -2 when @p dir cannot be read. */
static int walk(cli_items *it, const char *dir, const struct stat *dst, int depth, size_t *found)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL, prefix[CLI_PATH_MAX];
    const char *kept = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0;
    if (!(d = opendir(dir)))
        return -2;
    /* The folder's part of every path, kept once for all its entries (and
     * for the set, which names the folder in cli_items_check_output). */
    snprintf(prefix, sizeof(prefix), "%s%s", dir, has_suffix(dir, "/") ? "" : "/");
    if (!(kept = keep_dir(it, prefix)) || seen_add(it, dst, kept) < 0) {
        closedir(d);
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **nn = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof(*nn));
            if (!nn) {
                rc = -1;
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name))) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (rc == 0 && n > 1)
        qsort(names, n, sizeof(*names), cmp_names);
    for (i = 0; i < n; i++) {
        char path[CLI_PATH_MAX];
        struct stat st;
        if (rc == 0) {
            int reached;
            snprintf(path, sizeof(path), "%s%s", prefix, names[i]);
            reached = stat(path, &st) == 0;
            if (reached && S_ISDIR(st.st_mode)) {
                /* A folder walked already (a link to it, or back to a folder
                 * on this path) adds nothing.  One that cannot be opened, or
                 * lies too deep, is a failed item, never silently left out. */
                if (seen_find(it, st.st_dev, st.st_ino))
                    ;
                else if (depth + 1 > CLI_MAX_FOLDER_DEPTH)
                    rc = push_item(it, ITEM_TOO_DEEP, kept, names[i]);
                else if ((rc = walk(it, path, &st, depth + 1, found)) == -2)
                    rc = push_item(it, ITEM_MISSING, kept, names[i]);
            } else if (cli_is_unit_name(names[i])) {
                (*found)++;
                rc = push_file(it, ITEM_UNIT, kept, names[i], reached ? &st : NULL);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int cli_items_expand(cli_items *out, char *const *inputs, size_t n)
{
    size_t i;
    memset(out, 0, sizeof(*out));
    for (i = 0; i < n; i++) {
        struct stat st;
        int rc, reached = stat(inputs[i], &st) == 0;
        if (reached && S_ISDIR(st.st_mode)) {
            size_t found = 0;
            out->saw_folder_or_sheet = 1;
            if (seen_find(out, st.st_dev, st.st_ino))
                continue; /* walked already: its files are listed */
            rc = walk(out, inputs[i], &st, 0, &found);
            if (rc == -2)
                rc = push_item(out, ITEM_MISSING, "", inputs[i]);
            else if (rc == 0 && found == 0)
                rc = push_item(out, ITEM_EMPTY, "", inputs[i]);
        } else if (cli_is_sheet_name(inputs[i])) {
            out->saw_folder_or_sheet = 1;
            rc = push_file(out, ITEM_SHEET, "", inputs[i], reached ? &st : NULL);
        } else {
            rc = push_file(out, ITEM_UNIT, "", inputs[i], reached ? &st : NULL);
        }
        if (rc == -1)
            return -1;
    }
    return 0;
}

int cli_items_has_file(const cli_items *items, const char *path)
{
    struct stat st;
    const struct cli_seen_entry *e;
    size_t i;
    if (stat(path, &st) == 0 && (e = seen_find(items, st.st_dev, st.st_ino)) && !e->folder)
        return 1;
    for (i = 0; i < items->count; i++)
        if (!items->items[i].dir[0] && strcmp(items->items[i].name, path) == 0)
            return 1;
    return 0;
}

const char *cli_items_walked_folder(const cli_items *items, const char *dir, int *len)
{
    struct stat st;
    const struct cli_seen_entry *e;
    size_t n;
    if (stat(dir, &st) != 0 || !(e = seen_find(items, st.st_dev, st.st_ino)) || !e->folder)
        return NULL;
    n = strlen(e->folder);
    *len = (int)(n > 1 ? n - 1 : n);
    return e->folder;
}

cli_msg_id cli_item_problem(const cli_item *item)
{
    switch (item->kind) {
    case ITEM_MISSING: return CM_FOLDER_UNREADABLE;
    case ITEM_EMPTY: return CM_FOLDER_EMPTY;
    case ITEM_TOO_DEEP: return CM_FOLDER_TOO_DEEP;
    default: return CM_COUNT;
    }
}

void cli_items_free(cli_items *items)
{
    free_chain(items->block);
    free_chain(items->dir_block);
    free(items->items);
    free(items->seen);
    memset(items, 0, sizeof(*items));
}
