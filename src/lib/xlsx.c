/*
 * Reading .xlsx workbooks row by row (xlsx.h; docs/formats.md, "Workbooks").
 *
 * libzip opens the container (from a file descriptor through a pread source
 * the reader owns, or from memory); expat parses every XML part, fed in
 * chunks of PK_XLSX_CHUNK inflated bytes.  A sheet is streamed: the parser is
 * suspended (XML_StopParser, resumable) at the end of each row that has
 * something to say and resumed by the next call, so only one row is held.
 *
 * Every part's inflated bytes are counted as they come (never trusting the
 * zip directory) against its limit, the compression ratio and a total;
 * DOCTYPEs are refused; elements nest at most PK_XLSX_MAX_DEPTH deep.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "arena.h"
#include "xlsx.h"

#define MAX_PREFIXES 8

typedef struct {
    char *name;  /* as the workbook names it */
    char *path;  /* its part in the zip, or NULL when its relationship is missing */
    char *rid;
} xsheet;

typedef struct {
    char *id, *type, *target; /* target resolved to a zip entry name */
} xrel;

/* A cell of the row being read: its column and where its text is. */
typedef struct {
    size_t col;
    size_t off, len;
    int shared; /* off is in the shared strings, not in the row's scratch */
    pk_cell_kind kind;
} pcell;

typedef struct {
    int fd;
    zip_uint64_t size, pos;
    zip_error_t error;
} fd_source;

typedef struct {
    zip_file_t *zf;
    const char *name;
    unsigned long comp, got, limit;
} part_in;

typedef struct xml_ctx xml_ctx;
struct xml_ctx {
    pk_xlsx *x;
    pk_report *rep;
    XML_Parser parser;
    const char *part;
    unsigned depth;
    int code; /* the first error a handler reported: parsing stops */
    /* Prefixes bound to Office Open XML namespaces (xmlns:x="...spreadsheetml/2006/main"). */
    char prefix[MAX_PREFIXES][16];
    size_t nprefix;
    void (*on_start)(xml_ctx *, const char *local, const char **atts);
    void (*on_end)(xml_ctx *, const char *local);
    void (*on_text)(xml_ctx *, const char *s, size_t len);
    void *data;
};

enum { T_N, T_S, T_STR, T_INLINE, T_B, T_E, T_D, T_BAD };

struct pk_xlsx {
    zip_t *zip;
    fd_source fsrc;
    char *owned;          /* a pipe's bytes, read into memory */
    pk_arena arena;       /* sheet names, part paths, relationships */
    xsheet *sheets;
    size_t nsheets, sheets_cap;
    xrel *rels;
    size_t nrels, rels_cap;
    char *wb_path, *wb_dir;
    int wb_kind;
    char *chunk;          /* PK_XLSX_CHUNK bytes */
    unsigned long total;  /* bytes inflated by this reader */
    zip_uint64_t file_size;
    /* shared strings: texts NUL-separated in sst, string i starts at sst_off[i] */
    char *sst;
    size_t sst_len, sst_cap;
    uint32_t *sst_off;
    size_t sst_count, sst_off_cap;
    int si_in, si_rph, si_t, si_preserve, t_preserve;
    size_t si_start, t_start;
    /* the selected sheet */
    int selected, done, suspended, final_fed;
    size_t cur;
    part_in in;
    xml_ctx ctx;
    unsigned long row_no;
    int in_data, in_row, in_c, in_v, in_is, rph, in_t;
    int ctype, have_v, have_f, collect, skip_cell;
    size_t col, last_col, cell_start;
    char cell_type[16];
    int row_bad, row_ready, last_bad;
    char *scratch;
    size_t used, scap;
    pcell *pend;
    size_t npend, pcap;
    pk_csv_cell *cells;
    size_t ncap, nout;
};

static const XML_Memory_Handling_Suite xml_memory = { pk_malloc, pk_realloc, pk_free };
static const char empty_text[] = "";

static int oom(pk_report *rep)
{
    pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return PEKPPP_ENOMEM;
}

int pk_xlsx_sniff(const char *data, size_t len)
{
    static const unsigned char ole2[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    if (len >= 4 && memcmp(data, "PK", 2) == 0 &&
        ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6)))
        return 1;
    return len >= 8 && memcmp(data, ole2, 8) == 0;
}

/* ---- the container ------------------------------------------------------ */

static zip_int64_t fd_source_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    fd_source *s = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        s->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        ssize_t n;
        if (s->pos >= s->size)
            return 0;
        if (len > s->size - s->pos)
            len = s->size - s->pos;
        if (len > (zip_uint64_t)SSIZE_MAX)
            len = (zip_uint64_t)SSIZE_MAX;
        do
            n = pread(s->fd, data, (size_t)len, (off_t)s->pos);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            zip_error_set(&s->error, ZIP_ER_READ, errno);
            return -1;
        }
        s->pos += (zip_uint64_t)n;
        return n;
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &s->error);
        if (!st)
            return -1;
        zip_stat_init(st);
        st->size = s->size;
        st->valid |= ZIP_STAT_SIZE;
        return (zip_int64_t)sizeof(*st);
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&s->error, data, len);
    case ZIP_SOURCE_SEEK: {
        zip_int64_t pos = zip_source_seek_compute_offset(s->pos, s->size, data, len, &s->error);
        if (pos < 0)
            return -1;
        s->pos = (zip_uint64_t)pos;
        return 0;
    }
    case ZIP_SOURCE_TELL:
        return (zip_int64_t)s->pos;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
                                              -1);
    default:
        zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

/* What a libzip error means for the user (phrases in diag_msg_phrases.inc). */
static const char *zip_problem(int ze)
{
    switch (ze) {
    case ZIP_ER_NOZIP: return "it is not a zip archive";
    case ZIP_ER_INCONS: return "its zip directory is inconsistent";
    case ZIP_ER_CRC: return "a part fails its checksum (CRC)";
    case ZIP_ER_EOF: return "it ends too early (cut short?)";
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA: return "a part's compressed data is invalid";
    case ZIP_ER_COMPNOTSUPP: return "a part uses a compression method this program cannot read";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD: return "a part is encrypted";
    case ZIP_ER_MULTIDISK: return "it is one piece of a split zip archive";
    default: return "the zip archive cannot be read";
    }
}

/* Report a libzip error @p ze (with errno @p se) about @p part (NULL: the whole file). */
static int zip_fail(pk_report *rep, int ze, int se, const char *part, unsigned line, unsigned col)
{
    if (ze == ZIP_ER_MEMORY)
        return oom(rep);
    if (ze == ZIP_ER_READ || ze == ZIP_ER_SEEK || ze == ZIP_ER_TELL) {
        pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_IO, "cannot read: %s",
                strerror(se ? se : EIO));
        return PEKPPP_EIO;
    }
    if (part)
        pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_XLSX_FILE,
                "the workbook is damaged: %s, in part %s", zip_problem(ze), part);
    else
        pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_XLSX_FILE,
                "the workbook is damaged: %s", zip_problem(ze));
    return PEKPPP_EPARSE;
}

/* Open part @p name for reading.  Returns 0, 1 when the zip has no such part (not
 * reported), or a negative code after reporting. */
static int part_open(pk_xlsx *x, part_in *in, const char *name, unsigned long limit,
                     pk_report *rep)
{
    zip_int64_t i = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
    zip_stat_t st;
    memset(in, 0, sizeof(*in));
    in->name = name;
    in->limit = limit;
    if (i < 0)
        return 1;
    zip_stat_init(&st);
    /* The compressed size the directory claims, at most the file's own size: a lie cannot
     * buy a higher ratio than the bytes there are. */
    if (zip_stat_index(x->zip, (zip_uint64_t)i, 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_SIZE))
        in->comp = (unsigned long)(st.comp_size < x->file_size ? st.comp_size : x->file_size);
    if (!(in->zf = zip_fopen_index(x->zip, (zip_uint64_t)i, 0))) {
        zip_error_t *e = zip_get_error(x->zip);
        return zip_fail(rep, zip_error_code_zip(e), zip_error_code_system(e), name, 0, 0);
    }
    return 0;
}

static void part_close(part_in *in)
{
    if (in->zf)
        zip_fclose(in->zf);
    in->zf = NULL;
}

/* Inflate the next chunk of @p in into x->chunk: its length, 0 at the end, or a negative
 * code after reporting (a limit, damaged data) at @p line:@p col. */
static long part_read(pk_xlsx *x, part_in *in, pk_report *rep, unsigned line, unsigned col)
{
    zip_int64_t n = zip_fread(in->zf, x->chunk, PK_XLSX_CHUNK);
    unsigned long comp = in->comp ? in->comp : 1;
    if (n < 0) {
        zip_error_t *e = zip_file_get_error(in->zf);
        return zip_fail(rep, zip_error_code_zip(e), zip_error_code_system(e), in->name, line, col);
    }
    in->got += (unsigned long)n;
    x->total += (unsigned long)n;
    if (in->got > in->limit) {
        pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_LIMIT,
                "part %s inflates to more than %lu bytes, the limit for it: refused", in->name,
                in->limit);
        return PEKPPP_ELIMIT;
    }
    if (in->got > PK_XLSX_RATIO_FLOOR && in->got / comp > PK_XLSX_MAX_RATIO) {
        pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_LIMIT,
                "part %s inflates to more than %lu times its compressed size (a zip bomb?): refused",
                in->name, PK_XLSX_MAX_RATIO);
        return PEKPPP_ELIMIT;
    }
    if (x->total > PK_XLSX_MAX_TOTAL) {
        pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_LIMIT,
                "the workbook inflates to more than %lu bytes in all, the limit: refused",
                PK_XLSX_MAX_TOTAL);
        return PEKPPP_ELIMIT;
    }
    return (long)n;
}

/* ---- XML ---------------------------------------------------------------- */

/*
 * Names are matched without expat's namespace processing, which costs a
 * third of the parse: an unprefixed element is taken as Office Open XML's
 * (its parts put their vocabulary in the default namespace), a prefixed one
 * only when its prefix was bound to one of Office Open XML's namespaces (the
 * transitional schemas.openxmlformats.org or the strict purl.oclc.org ones);
 * any other (extensions, markup compatibility) is skipped.
 */
static void learn_prefixes(xml_ctx *c, const char **atts)
{
    for (; atts[0]; atts += 2) {
        const char *p;
        size_t n;
        if (strncmp(atts[0], "xmlns:", 6) != 0 || c->nprefix == MAX_PREFIXES)
            continue;
        p = atts[0] + 6;
        n = strlen(p);
        if (n == 0 || n >= sizeof(c->prefix[0]))
            continue;
        if (strncmp(atts[1], "http://schemas.openxmlformats.org/", 34) == 0 ||
            strncmp(atts[1], "http://purl.oclc.org/ooxml/", 27) == 0)
            memcpy(c->prefix[c->nprefix++], p, n + 1);
    }
}

/* The local name of an element of Office Open XML, or NULL. */
static const char *local_name(const xml_ctx *c, const char *name)
{
    const char *colon = strchr(name, ':');
    size_t i, n;
    if (!colon)
        return name;
    n = (size_t)(colon - name);
    for (i = 0; i < c->nprefix; i++)
        if (strncmp(c->prefix[i], name, n) == 0 && c->prefix[i][n] == '\0')
            return colon + 1;
    return NULL;
}

/* The value of the attribute without a namespace called @p name, or NULL. */
static const char *attr(const char **atts, const char *name)
{
    for (; atts && atts[0]; atts += 2)
        if (strcmp(atts[0], name) == 0)
            return atts[1];
    return NULL;
}

/* The relationship id attribute (r:id, whatever the relationships prefix is). */
static const char *attr_rid(const char **atts)
{
    for (; atts && atts[0]; atts += 2) {
        const char *colon = strchr(atts[0], ':');
        if (colon && colon > atts[0] && strcmp(colon, ":id") == 0)
            return atts[1];
    }
    return NULL;
}

/* xml:space="preserve" among @p atts? */
static int attr_preserve(const char **atts)
{
    const char *v = attr(atts, "xml:space");
    return v && strcmp(v, "preserve") == 0;
}

/* Stop the parse for good: a handler reported @p code. */
static void halt(xml_ctx *c, int code)
{
    if (!c->code) {
        c->code = code;
        XML_StopParser(c->parser, XML_FALSE);
    }
}

/* Where a problem of @p c's part is: the row being read in a sheet, else line 0. */
static unsigned ctx_line(const xml_ctx *c)
{
    return c == &c->x->ctx ? (unsigned)c->x->row_no : 0;
}

static void XMLCALL h_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xml_ctx *c = ud;
    const char *local;
    if (c->code)
        return;
    if (++c->depth > PK_XLSX_MAX_DEPTH) {
        pk_diag(c->rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, ctx_line(c), 0, NULL, PK_R_LIMIT,
                "XML nested deeper than %u elements in part %s: refused", PK_XLSX_MAX_DEPTH,
                c->part);
        halt(c, PEKPPP_ELIMIT);
        return;
    }
    if (atts[0])
        learn_prefixes(c, atts);
    if ((local = local_name(c, name)) != NULL && c->on_start)
        c->on_start(c, local, atts);
}

static void XMLCALL h_end(void *ud, const XML_Char *name)
{
    xml_ctx *c = ud;
    const char *local;
    if (c->code)
        return;
    if ((local = local_name(c, name)) != NULL && c->on_end)
        c->on_end(c, local);
    c->depth--;
}

static void XMLCALL h_text(void *ud, const XML_Char *s, int len)
{
    xml_ctx *c = ud;
    if (!c->code && c->on_text && len > 0)
        c->on_text(c, s, (size_t)len);
}

static void XMLCALL h_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                              const XML_Char *pubid, int has_internal)
{
    xml_ctx *c = ud;
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    if (c->code)
        return;
    pk_diag(c->rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, ctx_line(c), 0, NULL, PK_R_XLSX_FILE,
            "part %s declares a document type (DOCTYPE), which workbooks never do: refused",
            c->part);
    halt(c, PEKPPP_EINVALID);
}

static int ctx_parser(xml_ctx *c, pk_report *rep)
{
    c->rep = rep;
    c->depth = 0;
    c->code = 0;
    c->nprefix = 0;
    if (!(c->parser = XML_ParserCreate_MM(NULL, &xml_memory, NULL)))
        return oom(rep);
    XML_SetUserData(c->parser, c);
    XML_SetElementHandler(c->parser, h_start, h_end);
    XML_SetCharacterDataHandler(c->parser, h_text);
    XML_SetStartDoctypeDeclHandler(c->parser, h_doctype);
    return 0;
}

/* Report expat's error for @p c's part at @p line:@p col. */
static int xml_fail(xml_ctx *c, pk_report *rep, unsigned line, unsigned col)
{
    enum XML_Error e = XML_GetErrorCode(c->parser);
    if (c->code)
        return c->code;
    if (e == XML_ERROR_NO_MEMORY)
        return oom(rep);
    pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_XLSX_FILE,
            "the workbook is damaged: part %s is not well-formed XML (%s, at its line %lu)",
            c->part, XML_ErrorString(e), (unsigned long)XML_GetCurrentLineNumber(c->parser));
    return PEKPPP_EPARSE;
}

/* Parse the whole part @p name with @p c's handlers.  Returns 0, 1 when the zip has no
 * such part (not reported), or a negative code after reporting. */
static int parse_part(pk_xlsx *x, xml_ctx *c, const char *name, unsigned long limit,
                      pk_report *rep)
{
    part_in in;
    int rc = part_open(x, &in, name, limit, rep);
    if (rc != 0)
        return rc;
    c->x = x;
    c->part = name;
    if ((rc = ctx_parser(c, rep)) < 0) {
        part_close(&in);
        return rc;
    }
    for (;;) {
        long n = part_read(x, &in, rep, 0, 0);
        if (n < 0) {
            rc = (int)n;
            break;
        }
        if (XML_Parse(c->parser, x->chunk, (int)n, n == 0) != XML_STATUS_OK) {
            rc = xml_fail(c, rep, 0, 0);
            break;
        }
        if (c->code) {
            rc = c->code;
            break;
        }
        if (n == 0)
            break;
    }
    XML_ParserFree(c->parser);
    c->parser = NULL;
    part_close(&in);
    return rc;
}

/* ---- text --------------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

/* The code unit of an "_xHHHH_" escape at @p s (of @p n bytes), or -1. */
static long escape_at(const char *s, size_t n)
{
    long v = 0;
    int i;
    if (n < 7 || s[0] != '_' || (s[1] != 'x' && s[1] != 'X') || s[6] != '_')
        return -1;
    for (i = 2; i < 6; i++) {
        int h = hex(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static size_t put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * Finish one <t> (or a string <v>) whose text is buf[start, *used): without
 * xml:space="preserve" its surrounding XML white space goes, as Excel does;
 * then the "_xHHHH_" escapes of Office Open XML become their characters
 * (Excel writes a line's CR as _x000D_).  A NUL or an unpaired surrogate
 * stays written as it is.  The text only shrinks.
 */
static void finish_text(char *buf, size_t start, size_t *used, int preserve)
{
    char *s = buf + start;
    size_t n = *used - start, i, k = 0;
    if (!preserve) {
        size_t a = 0;
        while (a < n && is_space(s[a]))
            a++;
        while (n > a && is_space(s[n - 1]))
            n--;
        memmove(s, s + a, n - a);
        n -= a;
    }
    if (memchr(s, '_', n)) {
        for (i = 0; i < n;) {
            long u = escape_at(s + i, n - i), lo;
            if (u > 0 && (u < 0xD800 || u > 0xDFFF)) {
                k += put_utf8(s + k, (unsigned long)u);
                i += 7;
            } else if (u >= 0xD800 && u <= 0xDBFF && (lo = escape_at(s + i + 7, n - i - 7)) >= 0xDC00 &&
                       lo <= 0xDFFF) {
                k += put_utf8(s + k, 0x10000ul + (((unsigned long)u - 0xD800) << 10) +
                                         ((unsigned long)lo - 0xDC00));
                i += 14;
            } else {
                s[k++] = s[i++];
            }
        }
        n = k;
    }
    *used = start + n;
}

/* ---- [Content_Types].xml, the workbook and its relationships ---------------- */

enum { WB_NONE, WB_XLSX, WB_XLSM, WB_XLSB, WB_OFFICE };

static void types_start(xml_ctx *c, const char *local, const char **atts)
{
    pk_xlsx *x = c->x;
    const char *part = attr(atts, "PartName"), *type = attr(atts, "ContentType");
    int kind = WB_NONE;
    if (strcmp(local, "Override") != 0 || !part || !type)
        return;
    if (strcmp(type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") == 0 ||
        strcmp(type, "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml") == 0)
        kind = WB_XLSX;
    else if (strncmp(type, "application/vnd.ms-excel.", 25) == 0 && strstr(type, "binary"))
        kind = WB_XLSB;
    else if (strncmp(type, "application/vnd.ms-excel.", 25) == 0 && strstr(type, "macroEnabled.main"))
        kind = WB_XLSM;
    else if (strstr(type, "wordprocessingml.document.main") || strstr(type, "presentationml.presentation.main"))
        kind = WB_OFFICE;
    if (kind == WB_NONE || (x->wb_kind != WB_NONE && x->wb_kind != WB_OFFICE))
        return;
    x->wb_kind = kind;
    while (*part == '/')
        part++;
    if (!(x->wb_path = pk_arena_strndup(&x->arena, part, strlen(part))))
        halt(c, oom(c->rep));
}

static void workbook_start(xml_ctx *c, const char *local, const char **atts)
{
    pk_xlsx *x = c->x;
    const char *name = attr(atts, "name"), *rid = attr_rid(atts);
    xsheet *s;
    if (strcmp(local, "sheet") != 0)
        return;
    if (x->nsheets == PK_XLSX_MAX_SHEETS) {
        pk_diag(c->rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_LIMIT,
                "more than %u sheets in the workbook: refused", PK_XLSX_MAX_SHEETS);
        halt(c, PEKPPP_ELIMIT);
        return;
    }
    if (x->nsheets == x->sheets_cap) {
        size_t cap = x->sheets_cap ? x->sheets_cap * 2 : 8;
        xsheet *n = pk_realloc(x->sheets, cap * sizeof(*n));
        if (!n) {
            halt(c, oom(c->rep));
            return;
        }
        x->sheets = n;
        x->sheets_cap = cap;
    }
    s = &x->sheets[x->nsheets];
    memset(s, 0, sizeof(*s));
    if (!name)
        name = "";
    s->name = pk_arena_strndup(&x->arena, name, strlen(name));
    s->rid = rid ? pk_arena_strndup(&x->arena, rid, strlen(rid)) : NULL;
    if (!s->name || (rid && !s->rid)) {
        halt(c, oom(c->rep));
        return;
    }
    x->nsheets++;
}

/* The zip entry a relationship target names: relative to the workbook's folder, or from
 * the root when it starts with '/'; "%XX" decoded, "." and ".." segments resolved. */
static char *resolve(pk_xlsx *x, const char *target)
{
    size_t tl = strlen(target), dl = target[0] == '/' ? 0 : strlen(x->wb_dir), i, k = 0;
    char *buf = pk_arena_alloc_aligned(&x->arena, dl + tl + 1, 1);
    if (!buf)
        return NULL;
    memcpy(buf, x->wb_dir, dl);
    k = dl;
    for (i = 0; i < tl; i++) {
        int h1, h2;
        if (target[i] == '%' && i + 2 < tl && (h1 = hex(target[i + 1])) >= 0 &&
            (h2 = hex(target[i + 2])) >= 0 && (h1 || h2)) {
            buf[k++] = (char)(h1 * 16 + h2);
            i += 2;
        } else {
            buf[k++] = target[i];
        }
    }
    buf[k] = '\0';
    /* Resolve the segments in place. */
    {
        char *out = buf, *seg = buf;
        size_t o = 0;
        while (*seg) {
            char *end = strchr(seg, '/');
            size_t n = end ? (size_t)(end - seg) : strlen(seg);
            if (n == 0 || (n == 1 && seg[0] == '.')) {
                /* nothing */
            } else if (n == 2 && seg[0] == '.' && seg[1] == '.') {
                while (o > 0 && out[o - 1] != '/')
                    o--;
                if (o > 0)
                    o--;
                while (o > 0 && out[o - 1] != '/')
                    o--;
            } else {
                memmove(out + o, seg, n);
                o += n;
                if (end)
                    out[o++] = '/';
            }
            seg += n + (end != NULL);
        }
        out[o] = '\0';
    }
    return buf;
}

static void rels_start(xml_ctx *c, const char *local, const char **atts)
{
    pk_xlsx *x = c->x;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target"),
               *mode = attr(atts, "TargetMode");
    xrel *r;
    if (strcmp(local, "Relationship") != 0 || !id || !type || !target ||
        (mode && strcmp(mode, "Internal") != 0))
        return;
    if (x->nrels == x->rels_cap) {
        size_t cap = x->rels_cap ? x->rels_cap * 2 : 16;
        xrel *n;
        if (cap > PK_XLSX_MAX_SHEETS * 4u + 64u)
            return; /* more relationships than sheets could use: the rest are not sheets */
        if (!(n = pk_realloc(x->rels, cap * sizeof(*n)))) {
            halt(c, oom(c->rep));
            return;
        }
        x->rels = n;
        x->rels_cap = cap;
    }
    r = &x->rels[x->nrels];
    r->id = pk_arena_strndup(&x->arena, id, strlen(id));
    r->type = pk_arena_strndup(&x->arena, type, strlen(type));
    r->target = resolve(x, target);
    if (!r->id || !r->type || !r->target) {
        halt(c, oom(c->rep));
        return;
    }
    x->nrels++;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ---- shared strings ------------------------------------------------------ */

static int sst_put(xml_ctx *c, const char *s, size_t n)
{
    pk_xlsx *x = c->x;
    if (x->sst_len + n + 1 > PK_XLSX_MAX_SHARED_TEXT) {
        pk_diag(c->rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_LIMIT,
                "the shared strings hold more than %u bytes of text, the limit: refused",
                PK_XLSX_MAX_SHARED_TEXT);
        halt(c, PEKPPP_ELIMIT);
        return -1;
    }
    if (x->sst_len + n + 1 > x->sst_cap) {
        size_t cap = x->sst_cap ? x->sst_cap : 4096;
        char *b;
        while (cap < x->sst_len + n + 1)
            cap *= 2;
        if (!(b = pk_realloc(x->sst, cap))) {
            halt(c, oom(c->rep));
            return -1;
        }
        x->sst = b;
        x->sst_cap = cap;
    }
    memcpy(x->sst + x->sst_len, s, n);
    x->sst_len += n;
    return 0;
}

static void sst_start(xml_ctx *c, const char *local, const char **atts)
{
    pk_xlsx *x = c->x;
    if (strcmp(local, "si") == 0) {
        x->si_in = 1;
        x->si_rph = 0;
        x->si_t = 0;
        x->si_preserve = attr_preserve(atts);
        x->si_start = x->sst_len;
    } else if (x->si_in && strcmp(local, "rPh") == 0) {
        x->si_rph++;
    } else if (x->si_in && !x->si_rph && strcmp(local, "t") == 0) {
        x->si_t = 1;
        x->t_preserve = x->si_preserve || attr_preserve(atts);
        x->t_start = x->sst_len;
    }
}

static void sst_end(xml_ctx *c, const char *local)
{
    pk_xlsx *x = c->x;
    if (x->si_t && strcmp(local, "t") == 0) {
        finish_text(x->sst, x->t_start, &x->sst_len, x->t_preserve);
        x->si_t = 0;
    } else if (x->si_rph && strcmp(local, "rPh") == 0) {
        x->si_rph--;
    } else if (x->si_in && strcmp(local, "si") == 0) {
        x->si_in = 0;
        if (x->sst_count == PK_XLSX_MAX_SHARED_STRINGS) {
            pk_diag(c->rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_LIMIT,
                    "more than %u shared strings, the limit: refused", PK_XLSX_MAX_SHARED_STRINGS);
            halt(c, PEKPPP_ELIMIT);
            return;
        }
        if (x->sst_count == x->sst_off_cap) {
            size_t cap = x->sst_off_cap ? x->sst_off_cap * 2 : 1024;
            uint32_t *o = pk_realloc(x->sst_off, cap * sizeof(*o));
            if (!o) {
                halt(c, oom(c->rep));
                return;
            }
            x->sst_off = o;
            x->sst_off_cap = cap;
        }
        if (sst_put(c, "", 1) < 0)
            return;
        x->sst_off[x->sst_count++] = (uint32_t)x->si_start;
    }
}

static void sst_text(xml_ctx *c, const char *s, size_t n)
{
    if (c->x->si_t)
        (void)sst_put(c, s, n);
}

/* ---- opening --------------------------------------------------------------- */

static int refuse(pk_report *rep, const char *msg)
{
    pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_XLSX_FILE, "%s", msg);
    return PEKPPP_EINVALID;
}

static const char msg_xls[] =
    "an Excel 97-2003 workbook (.xls) or a password-protected workbook: save it as an Excel "
    "Workbook (.xlsx), without a password";

/* A zip without [Content_Types].xml: an OpenDocument file says what it is in "mimetype". */
static int not_ooxml(pk_xlsx *x, pk_report *rep)
{
    part_in in;
    int rc = part_open(x, &in, "mimetype", 256, rep);
    long n = 0;
    if (rc < 0)
        return rc;
    if (rc == 0) {
        n = part_read(x, &in, rep, 0, 0);
        part_close(&in);
        if (n < 0)
            return (int)n;
    }
    if (n >= 39 && memcmp(x->chunk, "application/vnd.oasis.opendocument.spreadsheet", 39) == 0)
        return refuse(rep, "an OpenDocument spreadsheet (.ods): save it as an Excel Workbook (.xlsx) "
                           "or as CSV UTF-8");
    if (n >= 35 && memcmp(x->chunk, "application/vnd.oasis.opendocument", 35) == 0)
        return refuse(rep, "an OpenDocument file that is not a spreadsheet: save the data as an "
                           "Excel Workbook (.xlsx) or as CSV UTF-8");
    return refuse(rep, "a zip archive that holds no workbook (no [Content_Types].xml): is it an "
                       ".xlsx file?");
}

static int missing_part(pk_report *rep, const char *part)
{
    pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_XLSX_FILE,
            "the workbook's part %s is missing: the file is damaged", part);
    return PEKPPP_EINVALID;
}

/* Read the content types, the workbook, its relationships and the shared strings. */
static int read_workbook(pk_xlsx *x, pk_report *rep)
{
    xml_ctx c;
    char *rels_path, *sst_path = NULL, *slash;
    size_t i, j, dl;
    int rc;

    memset(&c, 0, sizeof(c));
    c.on_start = types_start;
    rc = parse_part(x, &c, "[Content_Types].xml", PK_XLSX_MAX_PART, rep);
    if (rc == 1)
        return not_ooxml(x, rep);
    if (rc < 0)
        return rc;
    if (x->wb_kind == WB_XLSM)
        return refuse(rep, "a macro-enabled workbook (.xlsm): save it as an Excel Workbook (.xlsx)");
    if (x->wb_kind == WB_XLSB)
        return refuse(rep, "an Excel binary workbook (.xlsb): save it as an Excel Workbook (.xlsx)");
    if (x->wb_kind == WB_OFFICE)
        return refuse(rep, "an Office document that is not a workbook: save the data as an Excel "
                           "Workbook (.xlsx) or as CSV UTF-8");
    if (x->wb_kind == WB_NONE) {
        if (zip_name_locate(x->zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0)
            return refuse(rep, "a zip archive that holds no workbook (no xl/workbook.xml): is it "
                               "an .xlsx file?");
        if (!(x->wb_path = pk_arena_strndup(&x->arena, "xl/workbook.xml", 15)))
            return oom(rep);
    }
    /* Its folder, and the relationships beside it: xl/_rels/workbook.xml.rels. */
    slash = strrchr(x->wb_path, '/');
    dl = slash ? (size_t)(slash - x->wb_path) + 1 : 0;
    if (!(x->wb_dir = pk_arena_strndup(&x->arena, x->wb_path, dl)) ||
        !(rels_path = pk_arena_alloc_aligned(&x->arena, strlen(x->wb_path) + 12, 1)))
        return oom(rep);
    snprintf(rels_path, strlen(x->wb_path) + 12, "%s_rels/%s.rels", x->wb_dir, x->wb_path + dl);

    memset(&c, 0, sizeof(c));
    c.on_start = workbook_start;
    if ((rc = parse_part(x, &c, x->wb_path, PK_XLSX_MAX_PART, rep)) == 1)
        return missing_part(rep, x->wb_path);
    if (rc < 0)
        return rc;
    if (x->nsheets == 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_XLSX_FILE,
                "the workbook has no sheets");
        return PEKPPP_EINVALID;
    }
    memset(&c, 0, sizeof(c));
    c.on_start = rels_start;
    if ((rc = parse_part(x, &c, rels_path, PK_XLSX_MAX_PART, rep)) == 1)
        return missing_part(rep, rels_path);
    if (rc < 0)
        return rc;
    for (i = 0; i < x->nrels; i++)
        if (ends_with(x->rels[i].type, "/sharedStrings") && !sst_path)
            sst_path = x->rels[i].target;
    for (i = 0; i < x->nsheets; i++)
        for (j = 0; j < x->nrels && x->sheets[i].rid; j++)
            if (strcmp(x->rels[j].id, x->sheets[i].rid) == 0) {
                x->sheets[i].path = x->rels[j].target;
                break;
            }

    memset(&c, 0, sizeof(c));
    c.on_start = sst_start;
    c.on_end = sst_end;
    c.on_text = sst_text;
    rc = parse_part(x, &c, sst_path ? sst_path : "xl/sharedStrings.xml", PK_XLSX_MAX_SHARED_PART, rep);
    if (rc == 1 && sst_path)
        return missing_part(rep, sst_path);
    return rc < 0 ? rc : 0;
}

static int open_zip(pk_xlsx *x, zip_source_t *src, pk_report *rep)
{
    zip_error_t err;
    zip_error_init(&err);
    if (!src)
        return oom(rep);
    if (!(x->zip = zip_open_from_source(src, ZIP_RDONLY, &err))) {
        int rc = zip_fail(rep, zip_error_code_zip(&err), zip_error_code_system(&err), NULL, 0, 0);
        zip_source_free(src);
        zip_error_fini(&err);
        return rc;
    }
    zip_error_fini(&err);
    return 0;
}

/* A pipe cannot be read at random: its bytes are read into memory first. */
static int slurp(pk_xlsx *x, int fd, size_t *len, pk_report *rep)
{
    size_t cap = 1u << 16, n = 0;
    if (!(x->owned = pk_malloc(cap)))
        return oom(rep);
    for (;;) {
        ssize_t got;
        if (n == cap) {
            char *b;
            if (cap >= PK_XLSX_MAX_FILE) {
                pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_LIMIT,
                        "a workbook read from a pipe is limited to %lu bytes: save it to a file",
                        PK_XLSX_MAX_FILE);
                return PEKPPP_ELIMIT;
            }
            if (!(b = pk_realloc(x->owned, cap * 2)))
                return oom(rep);
            x->owned = b;
            cap *= 2;
        }
        got = read(fd, x->owned + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_IO, "cannot read: %s",
                    strerror(errno));
            return PEKPPP_EIO;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    *len = n;
    return 0;
}

static int open_any(pk_xlsx *x, int fd, const char *data, size_t len, pk_report *rep)
{
    char head[8];
    size_t hl;
    zip_error_t err;
    struct stat st;
    int rc;

    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        if ((rc = slurp(x, fd, &len, rep)) < 0)
            return rc;
        data = x->owned;
        fd = -1;
    }
    if (fd >= 0) {
        ssize_t n = pread(fd, head, sizeof(head), 0);
        hl = n > 0 ? (size_t)n : 0;
    } else {
        hl = len < sizeof(head) ? len : sizeof(head);
        if (hl)
            memcpy(head, data, hl);
    }
    if (hl >= 8 && pk_xlsx_sniff(head, hl) && memcmp(head, "PK", 2) != 0)
        return refuse(rep, msg_xls);
    if (hl < 4 || !pk_xlsx_sniff(head, hl))
        return refuse(rep, "not an .xlsx workbook: the file does not start like a zip archive");
    if (!(x->chunk = pk_malloc(PK_XLSX_CHUNK)))
        return oom(rep);
    zip_error_init(&err);
    x->file_size = fd >= 0 ? (zip_uint64_t)st.st_size : len;
    if (fd >= 0) {
        x->fsrc.size = (zip_uint64_t)st.st_size;
        rc = open_zip(x, zip_source_function_create(fd_source_cb, &x->fsrc, &err), rep);
    } else {
        rc = open_zip(x, zip_source_buffer_create(data, len, 0, &err), rep);
    }
    zip_error_fini(&err);
    return rc < 0 ? rc : read_workbook(x, rep);
}

int pk_xlsx_open(pk_xlsx **out, int fd, const char *data, size_t len, pk_report *rep)
{
    pk_xlsx *x = pk_malloc(sizeof(*x));
    int rc;
    *out = NULL;
    if (!x) {
        if (fd >= 0)
            close(fd);
        return oom(rep);
    }
    memset(x, 0, sizeof(*x));
    x->fsrc.fd = fd;
    zip_error_init(&x->fsrc.error);
    if ((rc = open_any(x, fd, data, len, rep)) < 0) {
        pk_xlsx_free(x);
        return rc;
    }
    *out = x;
    return 0;
}

size_t pk_xlsx_sheet_count(const pk_xlsx *x)
{
    return x->nsheets;
}

const char *pk_xlsx_sheet_name(const pk_xlsx *x, size_t i)
{
    return i < x->nsheets ? x->sheets[i].name : NULL;
}

/* ---- a sheet's rows -------------------------------------------------------- */

static void stream_close(pk_xlsx *x)
{
    if (x->ctx.parser)
        XML_ParserFree(x->ctx.parser);
    x->ctx.parser = NULL;
    part_close(&x->in);
    x->selected = 0;
}

/* Report a problem of the current cell (or row, @p col 0) and fail the row. */
static void cell_error(pk_xlsx *x, int code, size_t col, pk_rule rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static void cell_error(pk_xlsx *x, int code, size_t col, pk_rule rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pk_diagv(x->ctx.rep, code, PEKPPP_SEV_ERROR, (unsigned)x->row_no, (unsigned)col, NULL, rule,
             fmt, ap);
    va_end(ap);
    if (!x->row_bad)
        x->row_bad = code;
}

/* Room for @p n more bytes (and a NUL) in the row's scratch. */
static int scratch_room(pk_xlsx *x, size_t n)
{
    if (x->used + n + 1 > x->scap) {
        size_t cap = x->scap ? x->scap : 4096;
        char *b;
        while (cap < x->used + n + 1)
            cap *= 2;
        if (!(b = pk_realloc(x->scratch, cap))) {
            halt(&x->ctx, oom(x->ctx.rep));
            return -1;
        }
        x->scratch = b;
        x->scap = cap;
    }
    return 0;
}

static void sheet_text(xml_ctx *c, const char *s, size_t n)
{
    pk_xlsx *x = c->x;
    if (!x->collect || x->skip_cell)
        return;
    if (x->used - x->cell_start + n > PEKPPP_MAX_SCALAR) {
        cell_error(x, PEKPPP_ELIMIT, x->col, PK_R_LIMIT, "a cell longer than the limit of %u bytes",
                   PEKPPP_MAX_SCALAR);
        x->skip_cell = 1;
        return;
    }
    if (x->used + n > PK_CSV_MAX_ROW) {
        cell_error(x, PEKPPP_ELIMIT, x->col, PK_R_LIMIT, "a row longer than the limit of %u bytes",
                   PK_CSV_MAX_ROW);
        x->skip_cell = 1;
        return;
    }
    if (scratch_room(x, n) < 0)
        return;
    memcpy(x->scratch + x->used, s, n);
    x->used += n;
}

/* "C7" -> column 3; 0 when @p ref is not a cell reference inside a sheet. */
static size_t ref_column(const char *ref)
{
    size_t col = 0, i = 0;
    unsigned long row = 0;
    for (; (ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'); i++) {
        col = col * 26 + (size_t)((ref[i] | 0x20) - 'a' + 1);
        if (col > PK_XLSX_MAX_COLS)
            return 0;
    }
    if (i == 0 || ref[i] < '1' || ref[i] > '9')
        return 0;
    for (; ref[i] >= '0' && ref[i] <= '9'; i++)
        if ((row = row * 10 + (unsigned long)(ref[i] - '0')) > PK_XLSX_MAX_ROWS)
            return 0;
    return ref[i] == '\0' ? col : 0;
}

static void cell_start(pk_xlsx *x, const char **atts)
{
    const char *r = attr(atts, "r"), *t = attr(atts, "t");
    x->in_c = 1;
    x->have_v = x->have_f = x->skip_cell = x->collect = 0;
    x->in_v = x->in_is = x->rph = x->in_t = 0;
    x->cell_start = x->used;
    if (r) {
        size_t col = ref_column(r);
        if (col == 0) {
            cell_error(x, PEKPPP_EINVALID, x->last_col + 1, PK_R_XLSX_CELL,
                       "'%.40s' is not a cell reference (columns A to XFD, rows 1 to 1048576)", r);
            x->skip_cell = 1;
            col = x->last_col + 1;
        }
        x->col = col;
    } else {
        x->col = x->last_col + 1;
    }
    x->last_col = x->col;
    if (x->col > PK_XLSX_MAX_COLS) {
        cell_error(x, PEKPPP_ELIMIT, x->col, PK_R_LIMIT, "a cell beyond column XFD, the last of a sheet");
        x->skip_cell = 1;
    }
    {
        size_t n = t ? strlen(t) : 0;
        n = n < sizeof(x->cell_type) - 1 ? n : sizeof(x->cell_type) - 1;
        memcpy(x->cell_type, t ? t : "", n);
        x->cell_type[n] = '\0';
    }
    x->ctype = !t || strcmp(t, "n") == 0 ? T_N
             : strcmp(t, "s") == 0         ? T_S
             : strcmp(t, "str") == 0       ? T_STR
             : strcmp(t, "inlineStr") == 0 ? T_INLINE
             : strcmp(t, "b") == 0         ? T_B
             : strcmp(t, "e") == 0         ? T_E
             : strcmp(t, "d") == 0         ? T_D
                                           : T_BAD;
}

/* Strip the XML white space around the cell's value (a number, index, boolean, date). */
static void trim(pk_xlsx *x)
{
    char *s = x->scratch + x->cell_start;
    size_t n = x->used - x->cell_start, a = 0;
    while (a < n && is_space(s[a]))
        a++;
    while (n > a && is_space(s[n - 1]))
        n--;
    memmove(s, s + a, n - a);
    x->used = x->cell_start + n - a;
}

/* Keep the cell just read, whose text is scratch[cell_start, used) or, @p shared, the
 * shared string at @p off. */
static void keep_cell(pk_xlsx *x, int shared, size_t off, size_t len, pk_cell_kind kind)
{
    pcell *p;
    if (len > PEKPPP_MAX_SCALAR) {
        cell_error(x, PEKPPP_ELIMIT, x->col, PK_R_LIMIT, "a cell longer than the limit of %u bytes",
                   PEKPPP_MAX_SCALAR);
        return;
    }
    if (x->npend == x->pcap) {
        size_t cap = x->pcap ? x->pcap * 2 : 64;
        if (cap > PK_XLSX_MAX_COLS) {
            cell_error(x, PEKPPP_ELIMIT, x->col, PK_R_LIMIT, "more than %d cells in one row",
                       (int)PK_XLSX_MAX_COLS);
            return;
        }
        if (!(p = pk_realloc(x->pend, cap * sizeof(*p)))) {
            halt(&x->ctx, oom(x->ctx.rep));
            return;
        }
        x->pend = p;
        x->pcap = cap;
    }
    if (!shared) {
        if (scratch_room(x, 0) < 0)
            return;
        x->scratch[x->used++] = '\0';
    }
    p = &x->pend[x->npend++];
    p->col = x->col;
    p->off = off;
    p->len = len;
    p->shared = shared;
    p->kind = kind;
}

static void cell_end(pk_xlsx *x)
{
    char *t;
    size_t len;
    x->in_c = 0;
    if (x->skip_cell || x->ctx.code) {
        x->used = x->cell_start;
        return;
    }
    if (scratch_room(x, 0) < 0)
        return;
    if (x->ctype != T_STR && x->ctype != T_INLINE)
        trim(x);
    t = x->scratch + x->cell_start;
    len = x->used - x->cell_start;
    t[len] = '\0';
    if (x->ctype == T_BAD) {
        cell_error(x, PEKPPP_EINVALID, x->col, PK_R_XLSX_CELL, "a cell of unknown type '%.20s'",
                   x->cell_type);
    } else if (x->ctype == T_E) {
        cell_error(x, PEKPPP_EINVALID, x->col, PK_R_XLSX_CELL, "the cell holds the error value %.40s",
                   len ? t : "#VALUE!");
    } else if (x->have_f && !x->have_v && x->ctype != T_INLINE) {
        cell_error(x, PEKPPP_EINVALID, x->col, PK_R_XLSX_CELL,
                   "formula without a saved value: open the workbook in Excel or LibreOffice and "
                   "save it again");
    } else if (x->have_f && x->ctype == T_N && len == 0) {
        cell_error(x, PEKPPP_EINVALID, x->col, PK_R_XLSX_CELL,
                   "formula without a saved value: open the workbook in Excel or LibreOffice and "
                   "save it again");
    } else if (x->ctype == T_S) {
        unsigned long idx = 0;
        size_t i;
        for (i = 0; i < len && t[i] >= '0' && t[i] <= '9' && idx <= x->sst_count; i++)
            idx = idx * 10 + (unsigned long)(t[i] - '0');
        if (len == 0 || i < len || idx >= x->sst_count) {
            cell_error(x, PEKPPP_EINVALID, x->col, PK_R_XLSX_CELL,
                       "shared string '%.20s' does not exist (the workbook has %zu)",
                       len ? t : "", x->sst_count);
        } else {
            size_t off = x->sst_off[idx];
            x->used = x->cell_start;
            keep_cell(x, 1, off, strlen(x->sst + off), PK_CELL_TEXT);
            return;
        }
    } else if (x->ctype == T_B) {
        if (len == 1 && (t[0] == '0' || t[0] == '1')) {
            const char *v = t[0] == '1' ? "TRUE" : "FALSE";
            x->used = x->cell_start;
            if (scratch_room(x, 5) < 0)
                return;
            memcpy(x->scratch + x->used, v, strlen(v));
            x->used += strlen(v);
            keep_cell(x, 0, x->cell_start, strlen(v), PK_CELL_BOOL);
            return;
        }
        cell_error(x, PEKPPP_EINVALID, x->col, PK_R_XLSX_CELL,
                   "a TRUE/FALSE cell holds '%.40s', not 1 or 0", t);
    } else if (x->ctype == T_N && len > 0) {
        char num[PK_XLSX_NUMBER_MAX];
        int n = pk_xlsx_number(t, len, num);
        if (n == -1) {
            cell_error(x, PEKPPP_EINVALID, x->col, PK_R_XLSX_CELL,
                       "a number cell holds '%.40s', which is not a number", t);
        } else if (n < 0) {
            cell_error(x, PEKPPP_EINVALID, x->col, PK_R_XLSX_CELL,
                       "the number %.40s is beyond what a workbook can hold", t);
        } else {
            x->used = x->cell_start;
            if (scratch_room(x, (size_t)n) < 0)
                return;
            memcpy(x->scratch + x->used, num, (size_t)n);
            x->used += (size_t)n;
            keep_cell(x, 0, x->cell_start, (size_t)n, PK_CELL_NUMBER);
            return;
        }
    } else {
        /* inline and formula strings, dates (ISO text), an empty number cell */
        keep_cell(x, 0, x->cell_start, len,
                  x->ctype == T_D ? PK_CELL_DATE : PK_CELL_TEXT);
        return;
    }
    x->used = x->cell_start;
}

/* The row is read: make its dense cells, and say whether it is to be given. */
static int row_end(pk_xlsx *x)
{
    size_t maxc = 0, i;
    x->in_row = 0;
    for (i = 0; i < x->npend; i++)
        if (x->pend[i].len > 0 && x->pend[i].col > maxc)
            maxc = x->pend[i].col;
    if (x->row_bad)
        return 1;
    if (maxc == 0)
        return 0; /* no value: skipped, as a blank CSV line */
    if (maxc > x->ncap) {
        size_t cap = x->ncap ? x->ncap : 64;
        pk_csv_cell *c;
        while (cap < maxc)
            cap *= 2;
        if (!(c = pk_realloc(x->cells, cap * sizeof(*c)))) {
            halt(&x->ctx, oom(x->ctx.rep));
            return 0;
        }
        x->cells = c;
        x->ncap = cap;
    }
    for (i = 0; i < maxc; i++) {
        memset(&x->cells[i], 0, sizeof(x->cells[i]));
        x->cells[i].text = NULL;
        x->cells[i].line = (unsigned)x->row_no;
        x->cells[i].col = (unsigned)(i + 1);
    }
    for (i = 0; i < x->npend; i++) {
        const pcell *p = &x->pend[i];
        pk_csv_cell *c;
        if (p->col > maxc)
            continue;
        c = &x->cells[p->col - 1];
        if (c->text) {
            char ref[16];
            size_t k = 0, col = p->col, n;
            char rev[8];
            for (n = 0; col > 0 && n < sizeof(rev); n++, col = (col - 1) / 26)
                rev[n] = (char)('A' + (col - 1) % 26);
            while (n > 0)
                ref[k++] = rev[--n];
            snprintf(ref + k, sizeof(ref) - k, "%lu", x->row_no);
            cell_error(x, PEKPPP_EINVALID, p->col, PK_R_XLSX_CELL, "cell %s appears twice in its row",
                       ref);
            return 1;
        }
        c->text = p->shared ? x->sst + p->off : x->scratch + p->off;
        c->len = p->len;
        c->kind = p->kind;
    }
    for (i = 0; i < maxc; i++)
        if (!x->cells[i].text)
            x->cells[i].text = empty_text;
    x->nout = maxc;
    return 1;
}

static void sheet_start(xml_ctx *c, const char *local, const char **atts)
{
    pk_xlsx *x = c->x;
    if (!x->in_data) {
        if (strcmp(local, "sheetData") == 0)
            x->in_data = 1;
        return;
    }
    if (!x->in_row) {
        if (strcmp(local, "row") == 0) {
            const char *r = attr(atts, "r");
            unsigned long n = 0;
            size_t i = 0;
            x->in_row = 1;
            x->row_bad = 0;
            x->npend = 0;
            x->used = 0;
            x->last_col = 0;
            if (r) {
                for (; r[i] >= '0' && r[i] <= '9' && n <= PK_XLSX_MAX_ROWS; i++)
                    n = n * 10 + (unsigned long)(r[i] - '0');
                if (r[i] || i == 0)
                    n = 0;
            } else {
                n = x->row_no + 1;
            }
            if (n == 0 || n > PK_XLSX_MAX_ROWS) {
                x->row_no = x->row_no < PK_XLSX_MAX_ROWS ? x->row_no + 1 : PK_XLSX_MAX_ROWS;
                cell_error(x, PEKPPP_EINVALID, 0, PK_R_XLSX_CELL,
                           "row number '%.20s' is not one of a sheet's rows (1 to 1048576)",
                           r ? r : "");
            } else {
                x->row_no = n;
            }
        }
        return;
    }
    if (!x->in_c) {
        if (strcmp(local, "c") == 0)
            cell_start(x, atts);
        return;
    }
    if (strcmp(local, "v") == 0) {
        x->in_v = 1;
        x->have_v = 1;
        x->collect = x->ctype != T_INLINE;
    } else if (strcmp(local, "f") == 0) {
        x->have_f = 1;
    } else if (strcmp(local, "is") == 0) {
        x->in_is = 1;
        x->t_preserve = attr_preserve(atts);
    } else if (x->in_is && strcmp(local, "rPh") == 0) {
        x->rph++;
    } else if (x->in_is && !x->rph && strcmp(local, "t") == 0) {
        x->in_t = 1;
        x->collect = x->ctype == T_INLINE;
        x->si_preserve = x->t_preserve || attr_preserve(atts);
        x->t_start = x->used;
    }
}

static void sheet_end(xml_ctx *c, const char *local)
{
    pk_xlsx *x = c->x;
    if (!x->in_data)
        return;
    if (!x->in_row) {
        if (strcmp(local, "sheetData") == 0)
            x->in_data = 0;
        return;
    }
    if (!x->in_c) {
        if (strcmp(local, "row") == 0 && row_end(x) && !c->code) {
            x->last_bad = x->row_bad;
            x->row_ready = 1;
            XML_StopParser(c->parser, XML_TRUE);
        }
        return;
    }
    if (strcmp(local, "c") == 0) {
        cell_end(x);
    } else if (x->in_v && strcmp(local, "v") == 0) {
        x->in_v = 0;
        x->collect = 0;
        if (x->ctype == T_STR && !x->skip_cell)
            finish_text(x->scratch, x->cell_start, &x->used, 1);
    } else if (x->in_t && strcmp(local, "t") == 0) {
        x->in_t = 0;
        x->collect = 0;
        if (!x->skip_cell && x->scratch)
            finish_text(x->scratch, x->t_start, &x->used, x->si_preserve);
    } else if (x->rph && strcmp(local, "rPh") == 0) {
        x->rph--;
    } else if (x->in_is && strcmp(local, "is") == 0) {
        x->in_is = 0;
    }
}

int pk_xlsx_select(pk_xlsx *x, size_t i, pk_report *rep)
{
    const char *saved = rep->sheet;
    int rc;
    stream_close(x);
    if (i >= x->nsheets) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_XLSX_FILE,
                "the workbook has no sheet number %zu (it has %zu)", i + 1, x->nsheets);
        return PEKPPP_EINVALID;
    }
    rep->sheet = x->sheets[i].name;
    x->cur = i;
    x->done = x->suspended = x->final_fed = 0;
    x->row_no = 0;
    x->in_data = x->in_row = x->in_c = 0;
    x->row_bad = x->last_bad = x->row_ready = 0;
    x->npend = x->used = 0;
    if (!x->sheets[i].path) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_XLSX_FILE,
                "the workbook names no part for sheet '%s': the file is damaged", x->sheets[i].name);
        rep->sheet = saved;
        return PEKPPP_EINVALID;
    }
    rc = part_open(x, &x->in, x->sheets[i].path, PK_XLSX_MAX_SHEET_PART, rep);
    if (rc == 1)
        rc = missing_part(rep, x->sheets[i].path);
    if (rc == 0) {
        memset(&x->ctx, 0, sizeof(x->ctx));
        x->ctx.x = x;
        x->ctx.part = x->sheets[i].path;
        x->ctx.on_start = sheet_start;
        x->ctx.on_end = sheet_end;
        x->ctx.on_text = sheet_text;
        rc = ctx_parser(&x->ctx, rep);
    }
    if (rc < 0)
        part_close(&x->in);
    else
        x->selected = 1;
    rep->sheet = saved;
    return rc;
}

static int next_row(pk_xlsx *x, pk_csv_cell **cells, size_t *count, pk_report *rep)
{
    for (;;) {
        enum XML_Status st;
        if (x->suspended) {
            x->suspended = 0;
            st = XML_ResumeParser(x->ctx.parser);
        } else if (x->final_fed) {
            return 0;
        } else {
            long n = part_read(x, &x->in, rep, (unsigned)x->row_no, 0);
            if (n < 0)
                return (int)n;
            x->final_fed = n == 0;
            st = XML_Parse(x->ctx.parser, x->chunk, (int)n, n == 0);
        }
        if (st == XML_STATUS_ERROR)
            return xml_fail(&x->ctx, rep, (unsigned)x->row_no, 0);
        if (x->ctx.code)
            return x->ctx.code;
        if (st == XML_STATUS_SUSPENDED)
            x->suspended = 1;
        if (x->row_ready) {
            x->row_ready = 0;
            if (!x->suspended) { /* the parser would go on and overwrite the row */
                pk_diag(rep, PEKPPP_ERROR, PEKPPP_SEV_ERROR, (unsigned)x->row_no, 0, NULL,
                        PK_R_XLSX_FILE, "the sheet's XML parser did not pause after a row");
                return PEKPPP_ERROR;
            }
            if (x->last_bad)
                return x->last_bad;
            *cells = x->cells;
            *count = x->nout;
            return 1;
        }
    }
}

int pk_xlsx_next(pk_xlsx *x, pk_csv_cell **cells, size_t *count, pk_report *rep)
{
    const char *saved = rep->sheet;
    int rc;
    *cells = NULL;
    *count = 0;
    x->last_bad = 0;
    if (!x->selected || x->done)
        return 0;
    rep->sheet = x->sheets[x->cur].name;
    x->ctx.rep = rep;
    x->row_bad = 0;
    rc = next_row(x, cells, count, rep);
    if (rc < 0 && !x->last_bad && x->row_bad)
        rc = x->row_bad; /* a cell's error came first in this call: its code is returned */
    if (rc <= 0 && !x->last_bad) {
        x->done = 1; /* the end, or the rest cannot be trusted */
        stream_close(x);
    }
    rep->sheet = saved;
    return rc;
}

void pk_xlsx_stop(pk_xlsx *x)
{
    if (x->selected && !x->done) {
        x->done = 1;
        stream_close(x);
    }
}

int pk_xlsx_row_bad(const pk_xlsx *x)
{
    return x->last_bad != 0;
}

void pk_xlsx_free(pk_xlsx *x)
{
    if (!x)
        return;
    stream_close(x);
    if (x->zip)
        zip_discard(x->zip);
    if (x->fsrc.fd >= 0)
        close(x->fsrc.fd);
    zip_error_fini(&x->fsrc.error);
    pk_arena_free(&x->arena);
    pk_free(x->sheets);
    pk_free(x->rels);
    pk_free(x->chunk);
    pk_free(x->sst);
    pk_free(x->sst_off);
    pk_free(x->scratch);
    pk_free(x->pend);
    pk_free(x->cells);
    pk_free(x->owned);
    pk_free(x);
}
