/* The input listing; see inputs.h. */
#include "inputs.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PATH_BLOCK (64u * 1024u)

/* Copy @p path into the current block (a new one when full): a long list of
 * paths then costs its bytes, not a heap allocation each. */
static char *keep_path(cli_items *it, const char *path)
{
    size_t n = strlen(path) + 1;
    char *dst;
    if (n > PATH_BLOCK - sizeof(char *))
        return NULL;
    if (!it->block || it->block_used + n > PATH_BLOCK) {
        char *b = malloc(PATH_BLOCK);
        if (!b)
            return NULL;
        memcpy(b, &it->block, sizeof(char *)); /* chain to the previous block */
        it->block = b;
        it->block_used = sizeof(char *);
    }
    dst = it->block + it->block_used;
    memcpy(dst, path, n);
    it->block_used += n;
    return dst;
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

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk @p dir in name order; hidden entries are skipped. */
static int walk(cli_items *it, const char *dir, int depth)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL, prefix[CLI_PATH_MAX];
    const char *kept = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0;
    if (!(d = opendir(dir)))
        return -2;
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
    /* The folder's part of every path, kept once for all its entries. */
    snprintf(prefix, sizeof(prefix), "%s%s", dir, has_suffix(dir, "/") ? "" : "/");
    if (rc == 0 && n > 0 && !(kept = keep_path(it, prefix)))
        rc = -1;
    for (i = 0; i < n; i++) {
        char path[CLI_PATH_MAX];
        struct stat st;
        if (rc == 0) {
            snprintf(path, sizeof(path), "%s%s", prefix, names[i]);
            if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
                /* A subfolder that cannot be opened, or lies too deep, is a
                 * failed item, never silently left out. */
                if (depth + 1 > CLI_MAX_FOLDER_DEPTH)
                    rc = push_item(it, ITEM_TOO_DEEP, kept, names[i]);
                else if ((rc = walk(it, path, depth + 1)) == -2)
                    rc = push_item(it, ITEM_MISSING, kept, names[i]);
            }
            else if (has_suffix(names[i], ".yaml") || has_suffix(names[i], ".yml") ||
                     has_suffix(names[i], ".json"))
                rc = push_item(it, ITEM_UNIT, kept, names[i]);
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
        int rc;
        if (stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = out->count;
            out->saw_folder_or_sheet = 1;
            rc = walk(out, inputs[i], 0);
            if (rc == -2)
                rc = push_item(out, ITEM_MISSING, "", inputs[i]);
            else if (rc == 0 && out->count == before)
                rc = push_item(out, ITEM_EMPTY, "", inputs[i]);
        } else if (has_suffix(inputs[i], ".csv")) {
            out->saw_folder_or_sheet = 1;
            rc = push_item(out, ITEM_SHEET, "", inputs[i]);
        } else {
            rc = push_item(out, ITEM_UNIT, "", inputs[i]);
        }
        if (rc == -1)
            return -1;
    }
    return 0;
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
    char *b = items->block;
    while (b) {
        char *prev;
        memcpy(&prev, b, sizeof(char *));
        free(b);
        b = prev;
    }
    free(items->items);
    memset(items, 0, sizeof(*items));
}
