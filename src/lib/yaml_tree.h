/*
 * Parsing YAML (and JSON, which libyaml reads too) into a small node tree.
 *
 * One loader serves every format.  It pulls libyaml events and builds nodes
 * that remember their 1-based line and column.  It enforces the limits of
 * common.h, rejects several documents in one file, catches duplicate keys
 * (libyaml does not), and resolves aliases by sharing the anchored node,
 * charging its size to an expansion budget so an alias bomb stops early with
 * bounded memory.  Everything lives in the document's arena.
 */
#ifndef PK_YAML_TREE_H
#define PK_YAML_TREE_H

#include <stddef.h>
#include "arena.h"
#include "diag.h"

typedef enum { PK_SCALAR, PK_SEQ, PK_MAP } pk_kind;

typedef struct pk_node pk_node;
struct pk_node {
    pk_kind kind;
    unsigned line, col;     /* 1-based start of the node */
    unsigned char plain;    /* scalar written without quotes or tag */
    const char *str;        /* scalar text, NUL-terminated */
    size_t len;
    pk_node **items;        /* SEQ: items; MAP: key at 2i, value at 2i+1 */
    size_t count;           /* SEQ: items; MAP: pairs */
    size_t weight;          /* nodes below and including this one, aliases expanded */
};

typedef struct {
    pk_arena arena;
    pk_node *root;
    char sha256[65];        /* of the bytes parsed */
} pk_doc;

/*
 * Parse @p len bytes.  Problems go to @p rep (file name from there).
 * Returns 0, PEKPPP_EPARSE, PEKPPP_ELIMIT, PEKPPP_EINVALID (duplicate keys,
 * several documents, empty) or PEKPPP_ENOMEM.  Free with pk_doc_free() in
 * every case.  doc->root is NULL after an error, except when the only
 * problems were repeated keys: then the whole tree is kept (each key's
 * first value is the one found) so a loader can report the rest too.
 */
int pk_doc_parse(pk_doc *doc, const char *data, size_t len, pk_report *rep);
void pk_doc_free(pk_doc *doc);

/*
 * Read a whole file into a malloc'd buffer (free with pk_free), at most
 * PEKPPP_MAX_FILE_SIZE bytes.  Directories, missing and unreadable files,
 * and oversized ones are located errors in @p rep.
 */
int pk_read_file(char **out, size_t *len, const char *path, pk_report *rep);

/* The same from an open descriptor, which it closes. */
int pk_read_fd(char **out, size_t *len, int fd, pk_report *rep);

/* Open @p path for reading: a descriptor, or a negative code after reporting a missing or
 * unreadable file or a directory.  A FIFO without a writer does not hang the open.
 * *regular (when given) says whether it is a regular file, which can be read twice. */
int pk_open_input(const char *path, pk_report *rep, int *regular);

/* Find the value of key @p key in a mapping, or NULL. */
const pk_node *pk_map_get(const pk_node *map, const char *key);
/* The key node of @p key in a mapping (for its position), or NULL. */
const pk_node *pk_map_key(const pk_node *map, const char *key);
/* Whether scalar @p n equals @p s. */
int pk_scalar_is(const pk_node *n, const char *s);

#endif
