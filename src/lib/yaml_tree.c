/*
 * libyaml events -> pk_node tree, with limits.  See yaml_tree.h.
 *
 * Containers under construction sit on an explicit stack whose depth is
 * capped, so hostile nesting cannot exhaust the C stack.  Each frame grows a
 * malloc'd item vector that is copied into the arena when the container
 * closes.  Duplicate keys are found at close by sorting the keys, which stays
 * O(n log n) for a mapping with very many keys.
 */
#include "yaml_tree.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>
#include <yaml.h>

#include "pekppp/common.h"
#include "sha256.h"

typedef struct {
    pk_node *node;
    pk_node **items;
    size_t count, cap; /* in pointers */
    char *anchor;      /* malloc'd, or NULL */
} frame;

typedef struct {
    char *name;
    pk_node *node;
} anchor;

typedef struct {
    pk_doc *doc;
    pk_report *rep;
    const char *data;
    size_t len;
    frame stack[PEKPPP_MAX_DEPTH + 1];
    size_t depth;
    anchor *anchors;
    size_t nanchors, capanchors;
    size_t nodes;
    size_t alias_nodes;
} builder;

static size_t add_sat(size_t a, size_t b)
{
    return a > SIZE_MAX / 2 - b ? SIZE_MAX / 2 : a + b;
}

static pk_node *new_node(builder *b, pk_kind kind, yaml_mark_t mark)
{
    pk_node *n;
    if (++b->nodes > PEKPPP_MAX_NODES) {
        pk_diag(b->rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, (unsigned)mark.line + 1,
                (unsigned)mark.column + 1, NULL, PK_R_LIMIT,
                "too many nodes in one document (limit %u)", PEKPPP_MAX_NODES);
        return NULL;
    }
    n = pk_arena_alloc(&b->doc->arena, sizeof(*n));
    if (!n) {
        pk_diag(b->rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return NULL;
    }
    memset(n, 0, sizeof(*n));
    n->kind = kind;
    n->line = (unsigned)mark.line + 1;
    n->col = (unsigned)mark.column + 1;
    n->weight = 1;
    return n;
}

static int oom(builder *b)
{
    pk_diag(b->rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return PEKPPP_ENOMEM;
}

/* Append a finished node to the open container (or make it the root). */
static int attach(builder *b, pk_node *n)
{
    frame *f;
    if (b->depth == 0) {
        b->doc->root = n;
        return 0;
    }
    f = &b->stack[b->depth - 1];
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        pk_node **items = pk_realloc(f->items, cap * sizeof(*items));
        if (!items)
            return oom(b);
        f->items = items;
        f->cap = cap;
    }
    f->items[f->count++] = n;
    f->node->weight = add_sat(f->node->weight, n->weight);
    return 0;
}

static int remember_anchor(builder *b, char *name, pk_node *n)
{
    if (!name)
        return 0;
    if (b->nanchors == b->capanchors) {
        size_t cap = b->capanchors ? b->capanchors * 2 : 8;
        anchor *a = pk_realloc(b->anchors, cap * sizeof(*a));
        if (!a) {
            pk_free(name);
            return oom(b);
        }
        b->anchors = a;
        b->capanchors = cap;
    }
    b->anchors[b->nanchors].name = name;
    b->anchors[b->nanchors].node = n;
    b->nanchors++;
    return 0;
}

static char *dup_anchor(builder *b, const yaml_char_t *a)
{
    char *s;
    size_t n;
    if (!a)
        return NULL;
    n = strlen((const char *)a);
    s = pk_malloc(n + 1);
    if (!s) {
        oom(b);
        return NULL;
    }
    memcpy(s, a, n + 1);
    return s;
}

/* A key and its place among the mapping's pairs. */
typedef struct {
    const pk_node *key;
    size_t index;
} key_at;

static int cmp_keys(const void *pa, const void *pb)
{
    const key_at *a = pa, *b = pb;
    size_t n = a->key->len < b->key->len ? a->key->len : b->key->len;
    int c = memcmp(a->key->str, b->key->str, n);
    if (c)
        return c;
    if (a->key->len != b->key->len)
        return a->key->len < b->key->len ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Order (duplicate, first) pairs by the duplicate's place in the mapping. */
static int cmp_pair_position(const void *pa, const void *pb)
{
    const key_at *a = pa, *b = pb;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int same_key(const pk_node *a, const pk_node *b)
{
    return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

static void report_duplicate(builder *b, const pk_node *dup, const pk_node *first)
{
    pk_diag(b->rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, dup->line, dup->col, NULL, PK_R_YAML_DUPLICATE_KEY,
            "duplicate key '%s' (first at line %u)", dup->str, first->line);
}

/* Drop the pairs marked in @p drop, keeping the others in order. */
static void drop_pairs(pk_node *map, const unsigned char *drop)
{
    size_t i, kept = 0;
    for (i = 0; i < map->count; i++)
        if (!drop[i]) {
            map->items[2 * kept] = map->items[2 * i];
            map->items[2 * kept + 1] = map->items[2 * i + 1];
            kept++;
        }
    map->count = kept;
}

/* Report every key that repeats an earlier one in the same mapping, in
 * O(n log n) however many times one key repeats, and drop the repeats: the
 * mapping keeps each key's first value, so the loaders see each key once. */
static int check_duplicates(builder *b, pk_node *map)
{
    size_t i, j, n = map->count;
    key_at *keys, *pairs;
    unsigned char *drop;
    size_t np = 0, first = 0;
    if (n < 2)
        return 0;
    /* A mapping of up to 64 keys (a unit's fields, its answers, a survey
     * response) is checked pair by pair on short hashes first, without
     * allocating: each repeat is reported in file order with the first key
     * it repeats, as the sorting path below does. */
    if (n <= 64) {
        uint32_t h[64];
        unsigned char small_drop[64] = { 0 };
        int any = 0;
        for (i = 0; i < n; i++) {
            const pk_node *k = map->items[2 * i];
            size_t c;
            h[i] = 2166136261u;
            for (c = 0; c < k->len; c++)
                h[i] = (h[i] ^ (unsigned char)k->str[c]) * 16777619u;
        }
        for (i = 1; i < n; i++)
            for (j = 0; j < i; j++)
                if (h[i] == h[j] && same_key(map->items[2 * i], map->items[2 * j])) {
                    report_duplicate(b, map->items[2 * i], map->items[2 * j]);
                    small_drop[i] = 1;
                    any = 1;
                    break;
                }
        if (any)
            drop_pairs(map, small_drop);
        return 0;
    }
    keys = pk_malloc(n * sizeof(*keys));
    pairs = pk_malloc(2 * n * sizeof(*pairs));
    drop = pk_malloc(n);
    if (!keys || !pairs || !drop) {
        pk_free(keys);
        pk_free(pairs);
        pk_free(drop);
        return oom(b);
    }
    memset(drop, 0, n);
    for (i = 0; i < n; i++) {
        keys[i].key = map->items[2 * i];
        keys[i].index = i;
    }
    qsort(keys, n, sizeof(*keys), cmp_keys);
    /* In each run of equal keys (sorted by place), every key after the first
     * is a duplicate of it.  Pair them up, then report in file order. */
    for (i = 1; i < n; i++) {
        if (same_key(keys[i].key, keys[first].key)) {
            pairs[2 * np] = keys[i];
            pairs[2 * np + 1] = keys[first];
            drop[keys[i].index] = 1;
            np++;
        } else {
            first = i;
        }
    }
    if (np > 1)
        qsort(pairs, np, 2 * sizeof(*pairs), cmp_pair_position);
    for (i = 0; i < np; i++)
        report_duplicate(b, pairs[2 * i].key, pairs[2 * i + 1].key);
    if (np > 0)
        drop_pairs(map, drop);
    pk_free(keys);
    pk_free(pairs);
    pk_free(drop);
    return 0;
}

static int open_container(builder *b, pk_kind kind, yaml_mark_t mark, const yaml_char_t *anc)
{
    frame *f;
    pk_node *n;
    if (b->depth >= PEKPPP_MAX_DEPTH) {
        pk_diag(b->rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, (unsigned)mark.line + 1,
                (unsigned)mark.column + 1, NULL, PK_R_LIMIT, "nesting deeper than %d levels",
                PEKPPP_MAX_DEPTH);
        return PEKPPP_ELIMIT;
    }
    n = new_node(b, kind, mark);
    if (!n)
        return b->rep->first_code;
    f = &b->stack[b->depth++];
    memset(f, 0, sizeof(*f));
    f->node = n;
    if (anc && !(f->anchor = dup_anchor(b, anc)))
        return PEKPPP_ENOMEM;
    return 0;
}

static int close_container(builder *b)
{
    frame *f = &b->stack[b->depth - 1];
    pk_node *n = f->node;
    char *anc = f->anchor;
    int error = 0;

    if (f->count > 0) {
        n->items = pk_arena_alloc(&b->doc->arena, f->count * sizeof(*n->items));
        if (!n->items) {
            error = oom(b);
            goto done;
        }
        memcpy(n->items, f->items, f->count * sizeof(*n->items));
    }
    if (n->kind == PK_MAP) {
        size_t i;
        n->count = f->count / 2;
        for (i = 0; i < n->count; i++) {
            const pk_node *k = n->items[2 * i];
            if (k->kind != PK_SCALAR) {
                pk_diag(b->rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, k->line, k->col, NULL,
                        PK_R_YAML_KEY_TYPE, "mapping keys must be plain text, not a %s",
                        k->kind == PK_MAP ? "mapping" : "list");
                error = PEKPPP_EINVALID;
                goto done;
            }
        }
        if ((error = check_duplicates(b, n)) < 0)
            goto done;
    } else {
        n->count = f->count;
    }
    b->depth--;
    pk_free(f->items);
    f->items = NULL;
    f->anchor = NULL;
    if ((error = attach(b, n)) < 0) {
        pk_free(anc);
        return error;
    }
    return remember_anchor(b, anc, n);
done:
    return error;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    pk_node *n;
    const char *tag = (const char *)ev->data.scalar.tag;
    char *anc;
    if (ev->data.scalar.length > PEKPPP_MAX_SCALAR) {
        pk_diag(b->rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, (unsigned)ev->start_mark.line + 1,
                (unsigned)ev->start_mark.column + 1, NULL, PK_R_LIMIT,
                "text of %zu bytes is longer than the limit of %u", ev->data.scalar.length,
                PEKPPP_MAX_SCALAR);
        return PEKPPP_ELIMIT;
    }
    if (tag && strcmp(tag, YAML_STR_TAG) != 0 && strcmp(tag, "!") != 0) {
        pk_diag(b->rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, (unsigned)ev->start_mark.line + 1,
                (unsigned)ev->start_mark.column + 1, NULL,
                PK_R_YAML_TAG, "tag '%s' is not supported (only !!str is)", tag);
        return PEKPPP_EINVALID;
    }
    if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length)) {
        pk_diag(b->rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, (unsigned)ev->start_mark.line + 1,
                (unsigned)ev->start_mark.column + 1, NULL, PK_R_YAML_ENCODING,
                "text contains a NUL character");
        return PEKPPP_EINVALID;
    }
    n = new_node(b, PK_SCALAR, ev->start_mark);
    if (!n)
        return b->rep->first_code;
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !tag;
    n->len = ev->data.scalar.length;
    n->str = pk_arena_strndup(&b->doc->arena, (const char *)ev->data.scalar.value, n->len);
    if (!n->str)
        return oom(b);
    if (ev->data.scalar.anchor) {
        if (!(anc = dup_anchor(b, ev->data.scalar.anchor)))
            return PEKPPP_ENOMEM;
        if (remember_anchor(b, anc, n) < 0)
            return PEKPPP_ENOMEM;
    }
    return attach(b, n);
}

static int on_alias(builder *b, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    size_t i = b->nanchors;
    unsigned line = (unsigned)ev->start_mark.line + 1, col = (unsigned)ev->start_mark.column + 1;
    while (i > 0) {
        i--;
        if (strcmp(b->anchors[i].name, name) == 0) {
            pk_node *target = b->anchors[i].node;
            b->alias_nodes = add_sat(b->alias_nodes, target->weight);
            if (b->alias_nodes > PEKPPP_MAX_ALIAS_NODES) {
                pk_diag(b->rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, line, col, NULL,
                        PK_R_LIMIT, "aliases expand to more than %u nodes (an alias bomb?)",
                        PEKPPP_MAX_ALIAS_NODES);
                return PEKPPP_ELIMIT;
            }
            if (target->kind == PK_SCALAR) {
                /* A copy that knows where the alias stands, so a duplicate
                 * key made through an alias is reported at the alias. */
                pk_node *copy = new_node(b, PK_SCALAR, ev->start_mark);
                if (!copy)
                    return b->rep->first_code;
                copy->plain = target->plain;
                copy->str = target->str;
                copy->len = target->len;
                target = copy;
            }
            return attach(b, target);
        }
    }
    pk_diag(b->rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, line, col, NULL,
            PK_R_YAML_ALIAS, "alias '*%s' refers to no earlier complete anchor", name);
    return PEKPPP_EPARSE;
}

/* Mappings and lists may carry no tag but their own (!!set, !!omap and
 * application tags would change what the data means). */
static int check_container_tag(builder *b, const yaml_char_t *tag, const char *own,
                               yaml_mark_t mark)
{
    if (!tag || strcmp((const char *)tag, own) == 0)
        return 0;
    pk_diag(b->rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, (unsigned)mark.line + 1,
            (unsigned)mark.column + 1, NULL, PK_R_YAML_TAG, "tag '%s' is not supported here",
            (const char *)tag);
    return PEKPPP_EINVALID;
}

/* Line and column of a byte offset, for libyaml reader errors. */
static void offset_to_mark(const char *data, size_t len, size_t off, unsigned *line,
                           unsigned *col)
{
    size_t i = 0;
    *line = 1;
    *col = 1;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3; /* a BOM takes no column */
    for (; i < off && i < len; i++) {
        if (data[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static int parser_error(builder *b, yaml_parser_t *p)
{
    unsigned line, col;
    const char *problem = p->problem ? p->problem : "unknown error";
    if (p->error == YAML_MEMORY_ERROR)
        return oom(b);
    if (p->error == YAML_READER_ERROR) {
        size_t off = p->problem_offset;
        /* A bad trailing octet: point at the character's first byte. */
        if (strstr(problem, "trailing") && off > 0 && off <= b->len) {
            while (off > 0 && ((unsigned char)b->data[off - 1] & 0xC0) == 0x80)
                off--;
            if (off > 0)
                off--;
        }
        offset_to_mark(b->data, b->len, off, &line, &col);
        pk_diag(b->rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, line, col, NULL,
                PK_R_YAML_ENCODING, "not valid text: %s (the file must be UTF-8)", problem);
        return PEKPPP_EPARSE;
    }
    line = (unsigned)p->problem_mark.line + 1;
    col = (unsigned)p->problem_mark.column + 1;
    /* At the end of a file without a final newline, libyaml points past the
     * last line: locate the end of the text instead. */
    if (p->problem_mark.index >= b->len && b->len > 0 && b->data[b->len - 1] != '\n')
        offset_to_mark(b->data, b->len, b->len, &line, &col);
    {
        size_t fl = strlen(b->rep->file);
        const char *what = fl > 5 && strcmp(b->rep->file + fl - 5, ".json") == 0 ? "JSON" : "YAML";
        if (p->context)
            pk_diag(b->rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, line, col, NULL,
                    PK_R_YAML_SYNTAX, "invalid %s: %s %s (line %u)", what, problem, p->context,
                    (unsigned)p->context_mark.line + 1);
        else
            pk_diag(b->rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_YAML_SYNTAX,
                    "invalid %s: %s", what, problem);
    }
    return PEKPPP_EPARSE;
}

int pk_doc_parse(pk_doc *doc, const char *data, size_t len, pk_report *rep)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    builder b;
    int error = 0, done = 0, documents = 0, whole;
    size_t i;

    memset(doc, 0, sizeof(*doc));
    memset(&b, 0, sizeof(b));
    b.doc = doc;
    b.rep = rep;
    b.data = data;
    b.len = len;
    pk_sha256_hex(data, len, doc->sha256);

    if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
        pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, 1, 1, NULL,
                PK_R_YAML_ENCODING, "the file is UTF-16: save it as UTF-8");
        return PEKPPP_EPARSE;
    }
    {
        /* Only blanks (tabs too, which libyaml would refuse): an empty file. */
        size_t k = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        while (k < len && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r' || data[k] == '\n'))
            k++;
        if (k == len) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL,
                    PK_R_YAML_EMPTY, "the file is empty: expected a mapping");
            return PEKPPP_EINVALID;
        }
    }
    if (!yaml_parser_initialize(&parser))
        return oom(&b);
    /* libyaml detects the encoding itself and skips a UTF-8 BOM; UTF-16
     * was refused above. */
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);

    while (!done && error == 0) {
        if (!yaml_parser_parse(&parser, &ev)) {
            error = parser_error(&b, &parser);
            break;
        }
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, (unsigned)ev.start_mark.line + 1,
                        (unsigned)ev.start_mark.column + 1, NULL, PK_R_YAML_MULTIPLE_DOCUMENTS,
                        "a second YAML document: a file holds exactly one");
                error = PEKPPP_EINVALID;
            }
            break;
        case YAML_SCALAR_EVENT:
            error = on_scalar(&b, &ev);
            break;
        case YAML_ALIAS_EVENT:
            error = on_alias(&b, &ev);
            break;
        case YAML_SEQUENCE_START_EVENT:
            if ((error = check_container_tag(&b, ev.data.sequence_start.tag, YAML_SEQ_TAG,
                                             ev.start_mark)) == 0)
                error = open_container(&b, PK_SEQ, ev.start_mark, ev.data.sequence_start.anchor);
            break;
        case YAML_MAPPING_START_EVENT:
            if ((error = check_container_tag(&b, ev.data.mapping_start.tag, YAML_MAP_TAG,
                                             ev.start_mark)) == 0)
                error = open_container(&b, PK_MAP, ev.start_mark, ev.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            error = close_container(&b);
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);

    /* A tree built to the end holds every node even when keys were repeated
     * (reported, and the loop went on): keep it, so a loader can go on and
     * report the document's other problems.  Return the code of the first
     * error reported, so the return value and the caller's error record
     * always agree. */
    whole = error == 0;
    if (rep->errors > 0)
        error = rep->first_code;
    if (error == 0 && !doc->root) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL,
                PK_R_YAML_EMPTY, "the file is empty: expected a mapping");
        error = PEKPPP_EINVALID;
    }
    for (i = 0; i < b.depth; i++) {
        pk_free(b.stack[i].items);
        pk_free(b.stack[i].anchor);
    }
    for (i = 0; i < b.nanchors; i++)
        pk_free(b.anchors[i].name);
    pk_free(b.anchors);
    if (error < 0 && !whole)
        doc->root = NULL;
    return error;
}

void pk_doc_free(pk_doc *doc)
{
    pk_arena_free(&doc->arena);
    doc->root = NULL;
}

int pk_open_input(const char *path, pk_report *rep, int *regular)
{
    struct stat st;
    int fd, flags, known;
    /* Opened non-blocking so a FIFO without a writer cannot hang open(); reading itself
     * blocks as usual. */
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        int e = errno;
        pk_diag(rep, e == ENOENT ? PEKPPP_ENOTFOUND : PEKPPP_EIO, PEKPPP_SEV_ERROR, 0, 0, NULL,
                PK_R_IO, "cannot open: %s", strerror(e));
        return e == ENOENT ? PEKPPP_ENOTFOUND : PEKPPP_EIO;
    }
    known = fstat(fd, &st) == 0;
    if (known && S_ISDIR(st.st_mode)) {
        pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_IO, "is a directory, not a file");
        close(fd);
        return PEKPPP_EIO;
    }
    if ((flags = fcntl(fd, F_GETFL)) >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    if (regular)
        *regular = known && S_ISREG(st.st_mode);
    return fd;
}

int pk_read_file(char **out, size_t *len, const char *path, pk_report *rep)
{
    int fd = pk_open_input(path, rep, NULL);
    *out = NULL;
    *len = 0;
    return fd < 0 ? fd : pk_read_fd(out, len, fd, rep);
}

int pk_read_fd(char **out, size_t *len, int fd, pk_report *rep)
{
    int error = 0;
    char *buf = NULL;
    size_t cap = 0, n = 0;

    *out = NULL;
    *len = 0;
    for (;;) {
        ssize_t r;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64 * 1024;
            char *nb;
            if (ncap > (size_t)PEKPPP_MAX_FILE_SIZE + 1)
                ncap = (size_t)PEKPPP_MAX_FILE_SIZE + 1;
            if (ncap <= n) {
                pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_LIMIT,
                        "file is larger than the limit of %u bytes", PEKPPP_MAX_FILE_SIZE);
                error = PEKPPP_ELIMIT;
                goto done;
            }
            nb = pk_realloc(buf, ncap + 1);
            if (!nb) {
                pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER,
                        "out of memory");
                error = PEKPPP_ENOMEM;
                goto done;
            }
            buf = nb;
            cap = ncap;
        }
        r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_IO, "cannot read: %s",
                    strerror(errno));
            error = PEKPPP_EIO;
            goto done;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > PEKPPP_MAX_FILE_SIZE) {
            pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, 0, 0, NULL,
                    PK_R_LIMIT, "file is larger than the limit of %u bytes", PEKPPP_MAX_FILE_SIZE);
            error = PEKPPP_ELIMIT;
            goto done;
        }
    }
    if (!buf && !(buf = pk_malloc(1))) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        error = PEKPPP_ENOMEM;
        goto done;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
done:
    pk_free(buf);
    close(fd);
    return error;
}

/* Position of @p key in a mapping's pairs, or -1. */
static long map_find(const pk_node *map, const char *key)
{
    size_t i, kl = strlen(key);
    if (!map || map->kind != PK_MAP)
        return -1;
    for (i = 0; i < map->count; i++) {
        const pk_node *k = map->items[2 * i];
        if (k->len == kl && memcmp(k->str, key, kl) == 0)
            return (long)i;
    }
    return -1;
}

const pk_node *pk_map_get(const pk_node *map, const char *key)
{
    long i = map_find(map, key);
    return i < 0 ? NULL : map->items[2 * i + 1];
}

const pk_node *pk_map_key(const pk_node *map, const char *key)
{
    long i = map_find(map, key);
    return i < 0 ? NULL : map->items[2 * i];
}

int pk_scalar_is(const pk_node *n, const char *s)
{
    return n && n->kind == PK_SCALAR && strcmp(n->str, s) == 0;
}
