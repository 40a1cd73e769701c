/*
 * Shared CLI services; see cli.h.  This is the only layer that talks to the
 * terminal and the file system on the user's behalf.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exitcode.h"

#ifndef PEKPPP_DATADIR
#define PEKPPP_DATADIR "/usr/local/share/pekppp"
#endif

static const char *const messages[CM_COUNT][2] = {
    [CM_USAGE_ERROR] = { "pekppp: %s", "pekppp: %s" },
    [CM_TRY_HELP] = { "Coba 'pekppp help %s'.", "Try 'pekppp help %s'." },
    [CM_LINT_SUMMARY] = { "%d berkas diperiksa: %d kesalahan, %d peringatan",
                          "%d file(s) checked: %d error(s), %d warning(s)" },
    [CM_ONE_INPUT] = { "penilaian banyak unit sekaligus belum tersedia: berikan satu berkas unit",
                       "scoring several units at once is not available yet: give one unit file" },
    [CM_NO_INPUT] = { "berkas unit belum diberikan", "no unit file given" },
    [CM_BAD_FORMAT] = { "format '%s' tidak dikenal (pilih: %s)",
                        "unknown format '%s' (choose: %s)" },
    [CM_BAD_LANG] = { "bahasa '%s' tidak dikenal (pilih: id, en)",
                      "unknown language '%s' (choose: id, en)" },
    [CM_BAD_FAIL_UNDER] = { "--fail-under '%s' bukan predikat rubrik atau angka",
                            "--fail-under '%s' is neither a grade of the rubric nor a number" },
    [CM_BELOW] = { "indeks %s di bawah ambang %s", "index %s is below the threshold %s" },
    [CM_WRITE_FAILED] = { "gagal menulis '%s': %s", "cannot write '%s': %s" },
    [CM_RUBRIC_NOT_FOUND] = { "rubrik '%s' tidak ditemukan (dicari di: %s)",
                              "rubric '%s' not found (searched: %s)" },
    [CM_RUBRIC_BAD] = { "rubrik '%s' tidak valid (lihat kesalahan di atas)",
                        "rubric '%s' is invalid (see the errors above)" },
    [CM_UNKNOWN_COMMAND] = { "perintah '%s' tidak dikenal", "unknown command '%s'" },
    [CM_WRITE_STDOUT] = { "gagal menulis keluaran standar: %s", "cannot write standard output: %s" },
    [CM_NO_UNITS_FOUND] = { "tidak ada unit untuk dinilai: tidak ada berkas .yaml, .yml atau .json di '%s'",
                            "nothing to score: no .yaml, .yml or .json file in '%s'" },
    [CM_TEMP_FAILED] = { "gagal membuat berkas sementara: %s", "cannot create a temporary file: %s" },
    [CM_FOLDER_UNREADABLE] = { "folder ini tidak dapat dibaca", "cannot read this folder" },
    [CM_FOLDER_EMPTY] = { "tidak ada berkas .yaml, .yml atau .json di folder ini",
                          "no .yaml, .yml or .json files in this folder" },
    [CM_FOLDER_TOO_DEEP] = { "folder ini lebih dari 32 tingkat di bawah masukan: isinya tidak dibaca",
                             "this folder is more than 32 levels below the input: not read" },
};

const char *cli_msg(int lang, cli_msg_id id)
{
    return messages[id][lang ? 1 : 0];
}

/* The front end's one piece of process state: the language chosen for
 * messages printed by helpers that are not handed it. */
static int current_lang;

void cli_set_lang(int lang)
{
    current_lang = lang;
}

int cli_get_lang(void)
{
    return current_lang;
}

/* Both languages from one argument list: a message's two formats take the
 * same arguments. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
void cli_error_message(pekppp_error *err, cli_msg_id id, ...)
{
    va_list ap, ap_id;
    char en[sizeof(err->message) + 8], in[sizeof(err->message_id) + 8];
    va_start(ap, id);
    va_copy(ap_id, ap);
    vsnprintf(en, sizeof(en), cli_msg(1, id), ap);
    vsnprintf(in, sizeof(in), cli_msg(0, id), ap_id);
    va_end(ap_id);
    va_end(ap);
    /* Cut to fit at a character boundary: the JSON outputs must stay UTF-8. */
    pekppp_error_set_message(err, en, in);
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

const char *cli_diag_message(const pekppp_error *d)
{
    return pekppp_error_message(d, current_lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID);
}

int cli_lang_parse(const char *s, int *out)
{
    if (strcmp(s, "id") == 0)
        *out = 0;
    else if (strcmp(s, "en") == 0)
        *out = 1;
    else
        return -1;
    return 0;
}

int cli_lang_default(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    size_t i;
    for (i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "en", 2) == 0 ? 1 : 0;
    }
    return 0;
}

void cli_fail(const char *fmt, ...)
{
    va_list ap;
    fputs("pekppp: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* Whether @p s (length @p len) is valid UTF-8 without control characters
 * other than tab: only such a line is echoed to the terminal. */
static int printable_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        size_t k;
        if (n == 0 || i + n > len || (c < 0x20 && c != '\t') || c == 0x7f)
            return 0;
        for (k = 1; k < n; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        i += n;
    }
    return 1;
}

#define SOURCE_WINDOW 100 /* characters of a long line shown around the column */

/* Print line @p line of @p file with a caret under column @p col.  A long
 * line is shown as a window around the column; a line that is not clean
 * UTF-8 text is not shown at all. */
/* The last file whose lines were echoed, per thread: a file with many
 * errors is read once, not once per error. */
typedef struct {
    char path[4096];
    time_t mtime;
    off_t size;
    char *data;
    size_t len;
    size_t *lines; /* offset of each line's start */
    size_t nlines;
} source_cache;

static _Thread_local source_cache cache;

void cli_source_cache_free(void)
{
    free(cache.data);
    free(cache.lines);
    memset(&cache, 0, sizeof(cache));
}

/* Line @p line of @p file (1-based) without its end of line, or NULL. */
static const char *source_line(const char *file, unsigned line, size_t *len)
{
    struct stat st;
    size_t start, end;
    /* Only a regular file can be read a second time: never reopen a FIFO. */
    if (stat(file, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > PEKPPP_MAX_FILE_SIZE)
        return NULL;
    if (!cache.data || strcmp(cache.path, file) != 0 || cache.mtime != st.st_mtime ||
        cache.size != st.st_size) {
        FILE *f;
        size_t i, n;
        cli_source_cache_free();
        if (strlen(file) >= sizeof(cache.path) || !(f = fopen(file, "rb")))
            return NULL;
        cache.data = malloc((size_t)st.st_size + 1);
        n = cache.data ? fread(cache.data, 1, (size_t)st.st_size, f) : 0;
        fclose(f);
        if (!cache.data || n != (size_t)st.st_size) {
            cli_source_cache_free();
            return NULL;
        }
        cache.len = n;
        for (i = 0, cache.nlines = 1; i < n; i++)
            cache.nlines += cache.data[i] == '\n';
        if (!(cache.lines = malloc(cache.nlines * sizeof(*cache.lines)))) {
            cli_source_cache_free();
            return NULL;
        }
        cache.lines[0] = 0;
        for (i = 0, cache.nlines = 1; i < n; i++)
            if (cache.data[i] == '\n')
                cache.lines[cache.nlines++] = i + 1;
        strcpy(cache.path, file);
        cache.mtime = st.st_mtime;
        cache.size = st.st_size;
    }
    if (line > cache.nlines)
        return NULL;
    start = cache.lines[line - 1];
    end = line < cache.nlines ? cache.lines[line] : cache.len;
    while (end > start && (cache.data[end - 1] == '\n' || cache.data[end - 1] == '\r'))
        end--;
    *len = end - start;
    return cache.data + start;
}

static void print_source(pekppp_sink *out, const char *file, unsigned line, unsigned col)
{
    char buf[8192]; /* not static: workers format diagnostics at the same time */
    const char *text;
    unsigned c;
    size_t len, i, start = 0, end;
    if (!file[0] || line == 0 || !(text = source_line(file, line, &len)))
        return;
    if (len > sizeof(buf) - 1)
        len = sizeof(buf) - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    if (len == sizeof(buf) - 1) /* cut inside a character: back off to its start */
        while (len > 0 && ((unsigned char)buf[len] & 0xC0) == 0x80)
            len--;
    buf[len] = '\0';
    if (len == 0 || !printable_utf8((const unsigned char *)buf, len))
        return;
    /* Byte offsets of the window [col - 60, col + 40) in characters. */
    for (i = 0, c = 1; i < len; i++) {
        if (((unsigned char)buf[i] & 0xC0) == 0x80)
            continue;
        if (c + 60 == col)
            start = i;
        c++;
    }
    for (end = start, c = 0; end < len; end++) {
        if (((unsigned char)buf[end] & 0xC0) != 0x80 && c++ == SOURCE_WINDOW)
            break;
    }
    {
        char head[64];
        snprintf(head, sizeof(head), " %5u | %s", line, start ? "..." : "");
        pekppp_sink_puts(out, head);
        pekppp_sink_write(out, buf + start, end - start);
        pekppp_sink_puts(out, end < len ? "...\n       | " : "\n       | ");
        pekppp_sink_puts(out, start ? "   " : "");
    }
    for (i = 0, c = 1; i < len && c < col; i++) {
        if (((unsigned char)buf[i] & 0xC0) == 0x80)
            continue;
        if (i >= start)
            pekppp_sink_write(out, buf[i] == '\t' ? "\t" : " ", 1);
        c++;
    }
    pekppp_sink_puts(out, "^\n");
}

void cli_format_diag(pekppp_sink *out, const pekppp_error *d)
{
    const char *sev = d->severity == PEKPPP_SEV_WARNING ? "warning" : "error";
    char head[640];
    if (d->line)
        snprintf(head, sizeof(head), "%s:%u:%u: %s: ", d->file, d->line, d->column, sev);
    else if (d->file[0])
        snprintf(head, sizeof(head), "%s: %s: ", d->file, sev);
    else
        snprintf(head, sizeof(head), "pekppp: %s: ", sev);
    pekppp_sink_puts(out, head);
    if (d->path[0]) {
        pekppp_sink_puts(out, d->path);
        pekppp_sink_puts(out, ": ");
    }
    pekppp_sink_puts(out, cli_diag_message(d));
    pekppp_sink_puts(out, "\n");
    print_source(out, d->file, d->line, d->column);
}

void cli_print_diag(const pekppp_error *d)
{
    pekppp_sink sink;
    pekppp_sink_init_file(&sink, stderr);
    cli_format_diag(&sink, d);
    pekppp_sink_dispose(&sink);
}

void cli_diag_cb(const pekppp_error *d, void *payload)
{
    (void)payload;
    cli_print_diag(d);
}

void cli_rubrics_init(cli_rubrics *rs, int lang)
{
    memset(rs, 0, sizeof(*rs));
    rs->lang = lang;
}

void cli_rubrics_free(cli_rubrics *rs)
{
    size_t i;
    for (i = 0; i < rs->nloaded; i++)
        pekppp_rubric_free(rs->loaded[i]);
    rs->nloaded = 0;
}

static int load_rubric(cli_rubrics *rs, const char *path, const pekppp_rubric **out,
                       pekppp_error *err)
{
    pekppp_load_options opts = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    int error;
    if (rs->nloaded == sizeof(rs->loaded) / sizeof(rs->loaded[0]))
        return PEKPPP_ELIMIT;
    opts.diag = cli_diag_cb;
    error = pekppp_rubric_load_file(&r, path, &opts, err);
    if (error < 0)
        return error;
    rs->loaded[rs->nloaded++] = r;
    *out = r;
    return 0;
}

int cli_rubrics_load_given(cli_rubrics *rs, const pekppp_rubric **out)
{
    pekppp_error err;
    int error = load_rubric(rs, rs->rubric_file, out, &err);
    return error < 0 ? cli_exit_for(error) : 0;
}

/* An id is safe to put in a file name: [a-z0-9._-]+, not starting with '.'. */
static int safe_id(const char *id)
{
    const char *p;
    if (!*id || *id == '.')
        return 0;
    for (p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
              *p == '-'))
            return 0;
    return 1;
}

/* Try "<dir>/<id>.yaml" for each dir of a ':'-separated list. */
static int try_dirs(cli_rubrics *rs, const char *list, const char *id, const pekppp_rubric **out,
                    pekppp_error *err, char *searched, size_t ssize)
{
    while (list && *list) {
        const char *end = strchr(list, ':');
        size_t len = end ? (size_t)(end - list) : strlen(list);
        char path[4096];
        struct stat st;
        if (len > 0 && len < 3000) {
            snprintf(path, sizeof(path), "%.*s/%s.yaml", (int)len, list, id);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                int error = load_rubric(rs, path, out, err);
                if (error < 0)
                    cli_error_message(err, CM_RUBRIC_BAD, path);
                return error < 0 ? error : 1;
            }
            if (strlen(searched) + len + 3 < ssize) {
                if (searched[0])
                    strcat(searched, ", ");
                strncat(searched, list, len);
            }
        }
        list = end ? end + 1 : NULL;
    }
    return 0;
}

void cli_rubric_search_path(const cli_rubrics *rs, const char *lists[4])
{
    lists[0] = rs->rubric_path;
    lists[1] = getenv("PEKPPP_RUBRIC_PATH");
    lists[2] = "rubrics";
    lists[3] = PEKPPP_DATADIR "/rubrics";
}

int cli_rubrics_resolve(const pekppp_rubric **out, const char *id, void *payload,
                        pekppp_error *err)
{
    cli_rubrics *rs = payload;
    const char *lists[4];
    char searched[1024] = "";
    size_t i;
    for (i = 0; i < rs->nloaded; i++)
        if (strcmp(pekppp_rubric_id(rs->loaded[i]), id) == 0) {
            *out = rs->loaded[i];
            return 0;
        }
    if (!safe_id(id)) {
        cli_error_message(err, CM_RUBRIC_NOT_FOUND, id, "-");
        return PEKPPP_ENOTFOUND;
    }
    cli_rubric_search_path(rs, lists);
    for (i = 0; i < 4; i++) {
        int found = try_dirs(rs, lists[i], id, out, err, searched, sizeof(searched));
        if (found != 0)
            return found < 0 ? found : 0;
    }
    cli_error_message(err, CM_RUBRIC_NOT_FOUND, id, searched);
    return PEKPPP_ENOTFOUND;
}

int cli_apply_sets(pekppp_assessment *a, char *const *sets, size_t n, pekppp_change *out, int lang)
{
    const pekppp_rubric *r = pekppp_assessment_rubric(a);
    size_t i;
    for (i = 0; i < n; i++) {
        const char *eq = strchr(sets[i], '=');
        char id[256], *end;
        long idx, level;
        if (!eq || eq == sets[i] || (size_t)(eq - sets[i]) >= sizeof(id) || !eq[1]) {
            cli_fail(lang ? "--set takes ID=LEVEL, not '%s'" : "--set memerlukan ID=LEVEL, bukan '%s'",
                     sets[i]);
            return 2;
        }
        memcpy(id, sets[i], (size_t)(eq - sets[i]));
        id[eq - sets[i]] = '\0';
        if ((idx = pekppp_rubric_find_indicator(r, id)) < 0) {
            cli_fail(lang ? "--set: rubric '%s' has no indicator '%s'"
                          : "--set: rubrik '%s' tidak punya indikator '%s'",
                     pekppp_rubric_id(r), id);
            return 2;
        }
        if (strcmp(eq + 1, "na") == 0) {
            level = PEKPPP_LEVEL_NA;
        } else {
            level = strtol(eq + 1, &end, 10);
            if (*end || end == eq + 1 || level < INT32_MIN / 2 || level > INT32_MAX / 2)
                level = INT32_MIN;
        }
        out[i].indicator = (size_t)idx;
        out[i].from = pekppp_assessment_level(a, (size_t)idx);
        out[i].to = (int)level;
        if (level == INT32_MIN || pekppp_assessment_set_level(a, (size_t)idx, (int)level) < 0) {
            cli_fail(lang ? "--set %s: '%s' is not a level from %d to %d%s"
                          : "--set %s: '%s' bukan level %d sampai %d%s",
                     id, eq + 1, pekppp_rubric_scale_min(r), pekppp_rubric_scale_max(r),
                     pekppp_rubric_indicator(r, (size_t)idx)->na_allowed ? (lang ? " (or na)" : " (atau na)")
                                                                        : "");
            return 2;
        }
    }
    return 0;
}

int cli_make_plan(pekppp_plan **out, const pekppp_result *res, const char *target,
                  const pekppp_plan_options *po, int lang, const char *cmd)
{
    const pekppp_rubric *r = pekppp_assessment_rubric(pekppp_result_assessment(res));
    pekppp_error err;
    size_t i, found = 0;
    char msg[512];
    int error;
    /* Mistakes on the command line are usage errors, in the user's language. */
    for (i = 0; i < pekppp_rubric_band_count(r); i++)
        found |= strcmp(pekppp_rubric_band(r, i)->grade, target) == 0;
    if (!found) {
        snprintf(msg, sizeof(msg), lang ? "rubric '%s' has no grade '%s'"
                                        : "rubrik '%s' tidak punya predikat '%s'",
                 pekppp_rubric_id(r), target);
        return cli_usage(lang, cmd, msg);
    }
    for (i = 0; i < po->nfixed; i++)
        if (pekppp_rubric_find_indicator(r, po->fixed[i]) < 0) {
            snprintf(msg, sizeof(msg),
                     lang ? "--fix: rubric '%s' has no scored indicator '%s'"
                          : "--fix: rubrik '%s' tidak punya indikator bernilai '%s'",
                     pekppp_rubric_id(r), po->fixed[i]);
            return cli_usage(lang, cmd, msg);
        }
    if ((error = pekppp_plan_make(out, res, target, po, &err)) < 0) {
        cli_fail("%s", cli_diag_message(&err));
        return error == PEKPPP_EINVALID ? CLI_EXIT_USAGE : cli_exit_for(error);
    }
    return 0;
}

int cli_usage(int lang, const char *cmd, const char *msg)
{
    cli_fail("%s", msg);
    fprintf(stderr, cli_msg(lang, CM_TRY_HELP), cmd);
    fputc('\n', stderr);
    return CLI_EXIT_USAGE;
}

int cli_opt_format(const char *v, const char *formats, pekppp_report_format *out, int lang,
                   const char *cmd)
{
    static const struct {
        const char *name;
        pekppp_report_format format;
    } known[] = { { "text", PEKPPP_FORMAT_TEXT }, { "yaml", PEKPPP_FORMAT_TEXT },
                  { "json", PEKPPP_FORMAT_JSON }, { "csv", PEKPPP_FORMAT_CSV },
                  { "md", PEKPPP_FORMAT_MD }, { "html", PEKPPP_FORMAT_HTML } };
    size_t i, n = strlen(v);
    const char *p = strstr(formats, v);
    char msg[256], shown[64];
    /* v must be one whole name of the comma-separated list */
    if (n > 0 && p && (p == formats || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
        for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
            if (strcmp(known[i].name, v) == 0) {
                *out = known[i].format;
                return 0;
            }
    for (i = 0, n = 0; formats[i] && n + 3 < sizeof(shown); i++) {
        shown[n++] = formats[i];
        if (formats[i] == ',')
            shown[n++] = ' ';
    }
    shown[n] = '\0';
    snprintf(msg, sizeof(msg), cli_msg(lang, CM_BAD_FORMAT), v, shown);
    return cli_usage(lang, cmd, msg);
}

int cli_opt_lang(const char *v, int *lang, cli_rubrics *rubrics, const char *cmd)
{
    char msg[256];
    if (cli_lang_parse(v, lang) == 0) {
        if (rubrics)
            rubrics->lang = *lang;
        cli_set_lang(*lang);
        return 0;
    }
    snprintf(msg, sizeof(msg), cli_msg(*lang, CM_BAD_LANG), v);
    return cli_usage(*lang, cmd, msg);
}

int cli_opt_dialect(const char *v, pekppp_csv_dialect *out, int lang, const char *cmd)
{
    if (strcmp(v, "plain") == 0 || strcmp(v, "id") == 0) {
        *out = v[0] == 'i' ? PEKPPP_CSV_ID : PEKPPP_CSV_PLAIN;
        return 0;
    }
    return cli_usage(lang, cmd, lang ? "--csv-dialect takes plain or id"
                                     : "--csv-dialect menerima plain atau id");
}

int cli_exit_for(int code)
{
    switch (code) {
    case 0:
        return CLI_EXIT_OK;
    case PEKPPP_EIO:
    case PEKPPP_ENOTFOUND:
        return CLI_EXIT_IO;
    case PEKPPP_ENOMEM:
    case PEKPPP_ERROR:
        return CLI_EXIT_INTERNAL;
    default:
        return CLI_EXIT_INVALID;
    }
}

int cli_out_open(cli_out *o, const char *path)
{
    struct stat st;
    const char *slash;
    int fd;
    memset(o, 0, sizeof(*o));
    o->path = path;
    if (!path || strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0 ||
        strcmp(path, "/dev/fd/1") == 0 || strcmp(path, "/proc/self/fd/1") == 0) {
        o->file = stdout; /* the descriptor we hold: no reopening, no permission check */
        return 0;
    }
    {
        /* /dev/fd/N and /proc/self/fd/N: write to that open descriptor. */
        const char *num = strncmp(path, "/dev/fd/", 8) == 0         ? path + 8
                          : strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14
                                                                    : NULL;
        char *end;
        long fdn = num && *num ? strtol(num, &end, 10) : -1;
        if (num && *num && !*end && fdn >= 0 && fdn < 1024) {
            int dupfd = dup((int)fdn);
            if (dupfd < 0 || !(o->file = fdopen(dupfd, "wb"))) {
                if (dupfd >= 0)
                    close(dupfd);
                cli_fail(cli_msg(current_lang, CM_WRITE_FAILED), path, strerror(errno));
                return CLI_EXIT_IO;
            }
            o->in_place = 1;
            return 0;
        }
    }
    /* A device, a FIFO, anything under /dev or /proc (/dev/stdout, /proc/self/fd/1):
     * write in place, never replace it. */
    if (strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0 ||
        (stat(path, &st) == 0 && !S_ISREG(st.st_mode))) {
        if (!(o->file = fopen(path, "wb"))) {
            cli_fail(cli_msg(current_lang, CM_WRITE_FAILED), path, strerror(errno));
            return CLI_EXIT_IO;
        }
        o->in_place = 1;
        return 0;
    }
    /* A symbolic link to a regular file: replace the file it points to, and
     * keep the link. */
    {
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && (o->real = realpath(path, NULL)))
            path = o->real;
    }
    slash = strrchr(path, '/');
    if (slash)
        snprintf(o->tmp, sizeof(o->tmp), "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
    else
        snprintf(o->tmp, sizeof(o->tmp), ".%s.XXXXXX", path);
    fd = mkstemp(o->tmp);
    if (fd < 0 || !(o->file = fdopen(fd, "wb"))) {
        cli_fail(cli_msg(current_lang, CM_WRITE_FAILED), path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        o->tmp[0] = '\0';
        free(o->real);
        o->real = NULL;
        return CLI_EXIT_IO;
    }
    return 0;
}

int cli_out_commit(cli_out *o)
{
    int saved = 0;
    mode_t mask;
    if (o->file == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            cli_fail(cli_msg(current_lang, CM_WRITE_STDOUT), strerror(errno));
            return CLI_EXIT_IO;
        }
        return 0;
    }
    if (o->in_place) {
        if (fclose(o->file) != 0) {
            o->file = NULL;
            cli_fail(cli_msg(current_lang, CM_WRITE_FAILED), o->path, strerror(errno));
            return CLI_EXIT_IO;
        }
        o->file = NULL;
        return 0;
    }
    mask = umask(0);
    umask(mask);
    if (fflush(o->file) != 0 || ferror(o->file) || fchmod(fileno(o->file), 0666 & ~mask) != 0 ||
        fsync(fileno(o->file)) != 0)
        saved = errno ? errno : EIO;
    if (fclose(o->file) != 0 && !saved)
        saved = errno;
    o->file = NULL;
    if (!saved && rename(o->tmp, o->real ? o->real : o->path) != 0)
        saved = errno;
    free(o->real);
    o->real = NULL;
    if (saved) {
        unlink(o->tmp);
        o->tmp[0] = '\0';
        cli_fail(cli_msg(current_lang, CM_WRITE_FAILED), o->path, strerror(saved));
        return CLI_EXIT_IO;
    }
    o->tmp[0] = '\0';
    return 0;
}

void cli_out_abort(cli_out *o)
{
    if (o->file && o->file != stdout)
        fclose(o->file);
    o->file = NULL;
    if (o->tmp[0])
        unlink(o->tmp);
    o->tmp[0] = '\0';
    free(o->real);
    o->real = NULL;
}

int cli_write_output(const char *path, const char *data, size_t len)
{
    cli_out o;
    int rc = cli_out_open(&o, path);
    if (rc != 0)
        return rc;
    if (fwrite(data, 1, len, o.file) != len) {
        int saved = errno;
        cli_out_abort(&o);
        cli_fail(cli_msg(current_lang, CM_WRITE_FAILED), path ? path : "-", strerror(saved));
        return CLI_EXIT_IO;
    }
    return cli_out_commit(&o);
}
