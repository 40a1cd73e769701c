/*
 * Hardening tests (issue 4): hostile and broken input files, numbers that
 * must be rejected or computed exactly, and the CLI's output paths.
 *
 * Inputs are made at run time, in memory or in one temporary folder (made
 * with mkdtemp, removed at the end).  Every failure is checked for its exact
 * code, message, file, line and column, and each test checks that it ends
 * quickly.  The CLI tests fork and exec the built binary, found next to this
 * test's own folder (<build>/tests/test_hostile -> <build>/pekppp), so they
 * need no build change; without the binary they are skipped.
 *
 * Tests that need a user without root's powers (a file with no read
 * permission, `-o /dev/stdout` onto a regular file) drop to uid/gid 65534 in
 * a child when run as root, and are skipped with a note when that fails.
 */
#define _DEFAULT_SOURCE
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "pekppp.h"
#include "model.h"
#include "sha256.h"

#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"
#define EXAMPLES PEKPPP_SOURCE_DIR "/examples"
#define MIB (1024u * 1024u)
#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Sanitizer builds run several times slower: time limits scale with them. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif
/* Generous factors: these limits catch hangs and quadratic blow-ups (minutes),
 * not small slowdowns of a loaded CI machine running tests side by side. */
#define SLOW (UNDER_ASAN ? 10.0 : 3.0)

/* ------------------------------------------------------------------------ */
/* the scratch folder, and small helpers                                    */

/* Memory the helpers hand out lives until the end of the test that took
 * it, even of a test that failed half-way (cmocka leaves a failed test by
 * a long jump): each test's teardown frees it all. */
#define MAX_SCRATCH 256
static void *g_scratch[MAX_SCRATCH];
static size_t g_nscratch;

/* Remember @p p (malloc'd) for release after the test. */
static void *keep(void *p)
{
    assert_non_null(p);
    assert_true(g_nscratch < MAX_SCRATCH);
    g_scratch[g_nscratch++] = p;
    return p;
}

/* realloc() a block from keep() (or NULL), keeping it remembered. */
static void *keep_realloc(void *p, size_t size)
{
    size_t i = g_nscratch;
    void *np;
    if (p)
        for (i = 0; i < g_nscratch && g_scratch[i] != p; i++)
            ;
    np = realloc(p, size);
    assert_non_null(np);
    if (i < g_nscratch)
        g_scratch[i] = np;
    else
        keep(np);
    return np;
}

static int release_scratch(void **state)
{
    (void)state;
    while (g_nscratch > 0)
        free(g_scratch[--g_nscratch]);
    return 0;
}

static char g_dir[PATH_MAX];          /* the test's temporary folder */
static pekppp_rubric *g_small;        /* small-two-aspects: 1.a 1.b(na) 1.c | 2.a(na) 2.b(na) */

static const char *in_dir(const char *name)
{
    static char paths[4][PATH_MAX];
    static int next;
    char *p = paths[next++ % 4];
    if (snprintf(p, PATH_MAX, "%s/%s", g_dir, name) >= PATH_MAX)
        fail_msg("path too long");
    return p;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* The whole of a file, NUL-terminated (released after the test), or NULL
 * when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, r;
    if (!f)
        return NULL;
    do {
        if (cap - n < 4096) {
            buf = keep_realloc(buf, cap = cap ? cap * 2 : 8192);
        }
        r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
    } while (r > 0);
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double cpu_seconds(clock_t since)
{
    return (double)(clock() - since) / CLOCKS_PER_SEC;
}

/* A growing text buffer (its text is released after the test). */
typedef struct {
    char *s;
    size_t len, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        char *ns;
        while (b->len + n + 1 > cap)
            cap *= 2;
        ns = keep_realloc(b->s, cap);
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof(tmp));
    sb_add(b, tmp, (size_t)n);
}

/* @p text with every @p key replaced by @p value. */
static char *subst(const char *text, const char *key, const char *value)
{
    sbuf b = { NULL, 0, 0 };
    size_t kl = strlen(key);
    const char *p;
    while ((p = strstr(text, key)) != NULL) {
        sb_add(&b, text, (size_t)(p - text));
        sb_puts(&b, value);
        text = p + kl;
    }
    sb_puts(&b, text);
    return b.s;
}

/* Every line end of @p text made CRLF. */
static char *to_crlf(const char *text)
{
    sbuf b = { NULL, 0, 0 };
    for (; *text; text++) {
        if (*text == '\n')
            sb_add(&b, "\r", 1);
        sb_add(&b, text, 1);
    }
    return b.s;
}

/* Diagnostics passed on by a loader: the errors counted, the first few kept. */
typedef struct {
    pekppp_error first[4];
    size_t errors, warnings;
} recorder;

static void record(const pekppp_error *d, void *payload)
{
    recorder *r = payload;
    if (d->severity == PEKPPP_SEV_WARNING) {
        r->warnings++;
        return;
    }
    if (r->errors < N_ELEMS(r->first))
        r->first[r->errors] = *d;
    r->errors++;
}

static void expect_error(const pekppp_error *e, int code, const char *file, unsigned line,
                         unsigned col, const char *path, const char *message)
{
    if (e->code != code || strcmp(e->file, file) != 0 || e->line != line || e->column != col ||
        strcmp(e->path, path) != 0 || strcmp(e->message, message) != 0)
        fail_msg("got code %d %s:%u:%u [%s] '%s'\n  expected code %d %s:%u:%u [%s] '%s'", e->code,
                 e->file, e->line, e->column, e->path, e->message, code, file, line, col, path,
                 message);
    assert_int_equal(e->severity, PEKPPP_SEV_ERROR);
}

/* Load a unit file (or buffer, when @p data is given) against small-two-aspects. */
static int load_unit(pekppp_assessment **a, const char *name, const char *data, size_t len,
                     pekppp_error *err, recorder *rec)
{
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    o.rubric = g_small;
    o.diag = record;
    o.payload = rec;
    memset(rec, 0, sizeof(*rec));
    pekppp_error_clear(err);
    if (data)
        return pekppp_assessment_load_buffer(a, data, len, name, &o, err);
    return pekppp_assessment_load_file(a, name, &o, err);
}

static int load_rubric(pekppp_rubric **r, const char *name, const char *data, size_t len,
                       pekppp_error *err, recorder *rec)
{
    pekppp_load_options o = PEKPPP_LOAD_OPTIONS_INIT;
    o.diag = record;
    o.payload = rec;
    memset(rec, 0, sizeof(*rec));
    pekppp_error_clear(err);
    if (data)
        return pekppp_rubric_load_buffer(r, data, len, name, &o, err);
    return pekppp_rubric_load_file(r, name, &o, err);
}

/* The rounded index of a loaded unit (units of 10^-decimals), or -1 when
 * scoring fails. */
static int64_t index_of(const pekppp_assessment *a)
{
    pekppp_result *res = NULL;
    pekppp_error err;
    int64_t v;
    if (pekppp_score(&res, a, &err) != 0)
        return -1;
    v = pekppp_result_index(res).units;
    pekppp_result_free(res);
    return v;
}

/* A unit for small-two-aspects.  Its parts that tests vary:
 *   line 5   "  mode: @MODE@"           (column 9)
 *   line 9   "  "1.a": @LEVEL@"          (column 10)
 *   line 15  "  score: @SCORE@"          (column 10)
 * With mandiri, 4 and 4.5 it scores 0.75 x 3.98 + 0.25 x 4.5 = 4.11 (A-). */
static const char unit_template[] = "schema: pekppp/assessment/v1\n"
                                    "rubric: small-two-aspects\n"
                                    "unit:\n"
                                    "  id: u-1\n"
                                    "  mode: @MODE@\n"
                                    "  name: Unit Satu\n"
                                    "period: \"2025\"\n"
                                    "answers:\n"
                                    "  \"1.a\": @LEVEL@\n"
                                    "  \"1.b\": 3\n"
                                    "  \"1.c\": 2\n"
                                    "  \"2.a\": 5\n"
                                    "  \"2.b\": na\n"
                                    "survey:\n"
                                    "  score: @SCORE@\n"
                                    "  respondents: 5\n";

static char *make_unit(const char *mode, const char *level, const char *score)
{
    char *a = subst(unit_template, "@MODE@", mode);
    char *b = subst(a, "@LEVEL@", level);
    return subst(b, "@SCORE@", score);
}

static char *valid_unit(void)
{
    return make_unit("mandiri", "4", "4.5");
}

/* ------------------------------------------------------------------------ */
/* running the CLI                                                          */

static char g_cli[PATH_MAX]; /* "" when the binary is not there */

static void find_cli(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    char *slash;
    g_cli[0] = '\0';
    if (n <= 0)
        return;
    exe[n] = '\0';
    if ((slash = strrchr(exe, '/')) == NULL)
        return;
    *slash = '\0'; /* <build>/tests */
    if ((slash = strrchr(exe, '/')) == NULL)
        return;
    *slash = '\0'; /* <build> */
    if (snprintf(g_cli, sizeof(g_cli), "%s/pekppp", exe) >= (int)sizeof(g_cli) ||
        access(g_cli, X_OK) != 0)
        g_cli[0] = '\0';
}

#define NEED_CLI()                                                                         \
    do {                                                                                   \
        if (!g_cli[0]) {                                                                   \
            print_message("note: no pekppp binary next to the tests: skipped\n");          \
            skip();                                                                        \
        }                                                                                  \
    } while (0)

/* Wait for child @p pid until @p limit seconds after @p start; then kill it.
 * Returns its status, or -1 when it had to be killed. */
static int wait_at_most(pid_t pid, double start, double limit)
{
    int status = 0;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        struct timespec nap = { 0, 5 * 1000 * 1000 };
        if (w == pid)
            return status;
        if (now() - start > limit) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        nanosleep(&nap, NULL);
    }
}

/* Make this (child) process an ordinary user, so permissions apply. */
static int drop_root(void)
{
    if (geteuid() != 0)
        return 0;
    if (setgroups(0, NULL) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
        return -1;
    return geteuid() == 0 ? -1 : 0;
}

/* Whether a child can run without root's powers (always, when not root). */
static bool can_run_unprivileged(void)
{
    pid_t pid;
    int status;
    if (geteuid() != 0)
        return true;
    pid = fork();
    if (pid == 0)
        _exit(drop_root() == 0 ? 0 : 1);
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

typedef struct {
    const char *const *args;   /* after the program name, NULL-terminated */
    const char *cwd;           /* NULL: the scratch folder */
    int stdout_fd;             /* -1: captured into a file */
    bool unprivileged;         /* drop root first */
    bool ignore_sigpipe;       /* start with SIGPIPE ignored (else default) */
    long fsize_limit;          /* RLIMIT_FSIZE in bytes, 0 for none */
    double timeout;            /* seconds before the child is killed */
} run_opts;

typedef struct {
    int status;                /* as from waitpid; -1 when killed for the timeout */
    double seconds;
    char *out, *err;           /* captured text ("" when not captured) */
} run_result;

static run_result run_cli(const run_opts *o)
{
    const char *argv[32];
    char outp[PATH_MAX], errp[PATH_MAX];
    char rubric_path[PATH_MAX + 32];
    char *envp[4];
    run_result res;
    size_t i, n = 0;
    int status = 0;
    double start, limit = (o->timeout > 0 ? o->timeout : 10.0) * SLOW;
    pid_t pid;

    memset(&res, 0, sizeof(res));
    argv[n++] = g_cli;
    for (i = 0; o->args[i]; i++) {
        assert_true(n < N_ELEMS(argv) - 1);
        argv[n++] = o->args[i];
    }
    argv[n] = NULL;
    snprintf(rubric_path, sizeof(rubric_path), "PEKPPP_RUBRIC_PATH=%s/rubrics", PEKPPP_SOURCE_DIR);
    envp[0] = (char *)"PATH=/usr/bin:/bin";
    envp[1] = (char *)"LANG=C";
    envp[2] = rubric_path;
    envp[3] = NULL;
    if (snprintf(outp, sizeof(outp), "%s/.run-stdout", g_dir) >= (int)sizeof(outp) ||
        snprintf(errp, sizeof(errp), "%s/.run-stderr", g_dir) >= (int)sizeof(errp))
        fail_msg("path too long");

    start = now();
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        int out = o->stdout_fd >= 0 ? o->stdout_fd
                                    : open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
            dup2(err, 2) < 0)
            _exit(120);
        if (chdir(o->cwd ? o->cwd : g_dir) != 0)
            _exit(121);
        signal(SIGPIPE, o->ignore_sigpipe ? SIG_IGN : SIG_DFL);
        if (o->fsize_limit > 0) {
            struct rlimit rl;
            rl.rlim_cur = rl.rlim_max = (rlim_t)o->fsize_limit;
            signal(SIGXFSZ, SIG_IGN);
            if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
                _exit(122);
        }
        if (o->unprivileged && drop_root() != 0)
            _exit(123);
        execve(g_cli, (char *const *)argv, envp);
        _exit(124);
    }
    status = wait_at_most(pid, start, limit);
    res.seconds = now() - start;
    res.status = status;
    res.err = slurp(errp, NULL);
    res.out = o->stdout_fd >= 0 ? NULL : slurp(outp, NULL);
    if (!res.out)
        res.out = keep(calloc(1, 1));
    if (!res.err)
        res.err = keep(calloc(1, 1));
    unlink(outp);
    unlink(errp);
    if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) >= 120 &&
        WEXITSTATUS(status) <= 124)
        fail_msg("the child could not start pekppp (code %d)", WEXITSTATUS(status));
    return res;
}

/* The exit code of a run that ended normally (fails the test otherwise). */
static int exit_code(const run_result *r)
{
    if (r->status == -1)
        fail_msg("pekppp did not end within the time limit (%.1f s); stderr: %.300s", r->seconds,
                 r->err);
    if (!WIFEXITED(r->status))
        fail_msg("pekppp ended by signal %d; stderr: %.300s", WTERMSIG(r->status), r->err);
    return WEXITSTATUS(r->status);
}

/* Names in @p dir that start with @p prefix. */
static size_t count_entries(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            n++;
    closedir(d);
    return n;
}

/* ------------------------------------------------------------------------ */
/* setup                                                                    */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (flag == FTW_DP || flag == FTW_D)
        chmod(path, 0700);
    (void)remove(path);
    return 0;
}

static int group_setup(void **state)
{
    const char *tmp = getenv("TMPDIR");
    (void)state;
    snprintf(g_dir, sizeof(g_dir), "%s/pekppp-hostile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(g_dir))
        return -1;
    /* A child that dropped root must still reach files in here. */
    if (chmod(g_dir, 0755) != 0)
        return -1;
    if (pekppp_rubric_load_file(&g_small, SMALL_RUBRIC, NULL, NULL) != 0)
        return -1;
    find_cli();
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    pekppp_rubric_free(g_small);
    if (g_dir[0])
        nftw(g_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* size limits                                                              */

static const char limit_message[] = "file is larger than the limit of 16777216 bytes";

/* A valid unit padded with comment lines to exactly @p size bytes. */
static void write_padded_unit(const char *path, size_t size)
{
    char *unit = valid_unit();
    size_t len = strlen(unit), done;
    char line[80];
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_true(size > len);
    assert_int_equal(fwrite(unit, 1, len, f), len);
    memset(line, 'p', sizeof(line));
    line[0] = '#';
    line[1] = ' ';
    line[sizeof(line) - 1] = '\n';
    for (done = len; done < size;) {
        size_t n = size - done < sizeof(line) ? size - done : sizeof(line);
        assert_int_equal(fwrite(line, 1, n, f), n);
        done += n;
    }
    assert_int_equal(fclose(f), 0);
}

static void test_size__a_file_one_byte_over_the_limit_fails_in_both_loaders(void **state)
{
    const char *path = in_dir("big.yaml");
    pekppp_assessment *a = NULL;
    pekppp_rubric *r = NULL;
    pekppp_error err;
    recorder rec;
    double t;
    (void)state;

    write_padded_unit(path, PEKPPP_MAX_FILE_SIZE + 1u);

    t = now();
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), PEKPPP_ELIMIT);
    assert_null(a);
    expect_error(&err, PEKPPP_ELIMIT, path, 0, 0, "", limit_message);
    assert_int_equal(rec.errors, 1);

    assert_int_equal(load_rubric(&r, path, NULL, 0, &err, &rec), PEKPPP_ELIMIT);
    assert_null(r);
    expect_error(&err, PEKPPP_ELIMIT, path, 0, 0, "", limit_message);
    assert_int_equal(rec.errors, 1);
    assert_true(now() - t < 2.0 * SLOW);

    /* Exactly at the limit the same file is read, parsed and loaded. */
    assert_int_equal(truncate(path, (off_t)PEKPPP_MAX_FILE_SIZE), 0);
    t = now();
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), 0);
    assert_int_equal(index_of(a), 411);
    pekppp_assessment_free(a);
    assert_true(now() - t < 3.0 * SLOW);
    unlink(path);
}

/* A sheet has no whole-file limit: 100,000 rows and 17 MB (over PEKPPP_MAX_FILE_SIZE) are
 * streamed through the reader's window, every row is a unit, and each unit's receipt
 * carries the SHA-256 of the whole file, read before the first row. */
static void test_size__a_sheet_over_the_file_limit_is_streamed(void **state)
{
    const char *path = in_dir("big.csv");
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *sheet = NULL;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    char *data, want[65];
    size_t len, rows = 0;
    sbuf b = { NULL, 0, 0 };
    int k, rc;
    double t;
    (void)state;

    sb_puts(&b, "unit_id,unit_name,1.a,1.b,1.c,2.a,2.b\n");
    for (k = 0; k < 100000; k++)
        sb_printf(&b, "u%06d,Unit %06d dengan nama yang cukup panjang untuk sebuah baris lembar "
                      "rekapitulasi di Kabupaten Pekalongan; Dinas Kesehatan dan UPTD Puskesmas Kajen I,%d,na,%d,na,na\n",
                  k, k, k % 6, (k / 6) % 6);
    assert_true(b.len > PEKPPP_MAX_FILE_SIZE);
    write_file(path, b.s, b.len);
    data = slurp(path, &len);
    pk_sha256_hex(data, len, want);

    o.rubric = g_small;
    t = now();
    assert_int_equal(pekppp_sheet_open_file(&sheet, path, &o, &err), 0);
    while ((rc = pekppp_sheet_next(sheet, &a, &err)) == 1) {
        if (rows == 0 || rows == 99999)
            assert_string_equal(a->sha256, want);
        rows++;
        pekppp_assessment_free(a);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(rows, 100000);
    assert_int_equal(pekppp_sheet_rows(sheet), 100000);
    pekppp_sheet_free(sheet);
    assert_true(now() - t < 3.0 * SLOW);
    unlink(path);
}

/* The loader runs in a child whose address space may grow by 48 MiB only:
 * room for the 16 MiB limit and a growing buffer, not for the 100 MB file
 * (let alone two copies of it).  A loader that tried would fail with
 * PEKPPP_ENOMEM instead of PEKPPP_ELIMIT.  (Under ASan, which reserves
 * terabytes of shadow address space, the cap cannot be set: only the time
 * and the error are checked there.) */
typedef struct {
    int code;
    int capped;
    double seconds;
    pekppp_error err;
} child_report;

#if !UNDER_ASAN
/* The size of this process's address space, in bytes, or 0. */
static size_t address_space(void)
{
    unsigned long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    if (fscanf(f, "%lu", &pages) != 1)
        pages = 0;
    fclose(f);
    return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}
#endif

static void test_size__a_100_mb_scalar_stops_at_the_limit_with_bounded_memory(void **state)
{
    const char *path = in_dir("huge-scalar.yaml");
    char *chunk = keep(malloc(MIB));
    FILE *f;
    size_t i;
    int fds[2], status;
    pid_t pid;
    child_report rep;
    (void)state;

    assert_non_null(chunk);
    memset(chunk, 'x', MIB);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs("note: ", f);
    for (i = 0; i < 100; i++)
        assert_int_equal(fwrite(chunk, 1, MIB, f), MIB);
    fputs("\n", f);
    assert_int_equal(fclose(f), 0);

    assert_int_equal(pipe(fds), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        pekppp_assessment *a = NULL;
        recorder rec;
        double t;
        close(fds[0]);
        memset(&rep, 0, sizeof(rep));
#if !UNDER_ASAN
        {
            size_t vm = address_space();
            struct rlimit rl;
            rl.rlim_cur = rl.rlim_max = (rlim_t)(vm + 48u * MIB);
            rep.capped = vm > 0 && setrlimit(RLIMIT_AS, &rl) == 0;
            if (rep.capped) {
                /* the cap is real: 100 MB cannot be had */
                void *big = malloc(100u * MIB);
                rep.capped = big == NULL ? 1 : -1;
                free(big);
            }
        }
#endif
        t = now();
        rep.code = load_unit(&a, path, NULL, 0, &rep.err, &rec);
        rep.seconds = now() - t;
        pekppp_assessment_free(a);
        _exit(write(fds[1], &rep, sizeof(rep)) == (ssize_t)sizeof(rep) ? 0 : 1);
    }
    close(fds[1]);
    assert_int_equal(read(fds[0], &rep, sizeof(rep)), (ssize_t)sizeof(rep));
    close(fds[0]);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    unlink(path);

    assert_int_equal(rep.code, PEKPPP_ELIMIT);
    expect_error(&rep.err, PEKPPP_ELIMIT, path, 0, 0, "", limit_message);
    if (rep.seconds > 1.0 * SLOW)
        fail_msg("loading took %.2f s", rep.seconds);
    /* The limit is 16 MiB: allow for a growing buffer, never 100 MB. */
    assert_int_not_equal(rep.capped, -1);
    if (!rep.capped)
        print_message("note: the address space was not capped (sanitizer build or no "
                      "/proc): memory not checked\n");
}

/* ------------------------------------------------------------------------ */
/* very many keys                                                           */

typedef struct {
    const char *name;
    const char *head;          /* text before the keys */
    const char *key_before;    /* key i is key_before, i in six digits, key_after */
    const char *key_after;
    bool rubric;
    unsigned first_line, first_col;
    const char *first_path;
    const char *first_message;
    size_t errors;             /* every key one error, plus the rest */
} many_keys_case;

static const many_keys_case many_keys_cases[] = {
    { "unit, top level",
      "schema: pekppp/assessment/v1\nrubric: small-two-aspects\n", "k", ": 1\n", false, 3, 1,
      "k000000", "unknown key 'k000000'", 200000 + 3 /* unit, period, answers missing */ },
    { "unit, answers",
      "schema: pekppp/assessment/v1\nrubric: small-two-aspects\nunit: {id: u, name: U}\n"
      "period: \"2025\"\nanswers:\n",
      "  \"x.", "\": 1\n", false, 6, 3, "answers.x.000000",
      "rubric 'small-two-aspects' has no indicator 'x.000000'",
      200000 + 1 /* plus one naming the five unanswered indicators */ },
    { "rubric, top level", "schema: pekppp/rubric/v1\nid: many\nversion: \"1\"\n", "k",
      ": 1\n", true, 4, 1, "k000000", "unknown key 'k000000'",
      200000 + 3 /* scale, bands, aspects missing */ },
};

static void test_keys__a_mapping_with_200000_keys_ends_quickly(void **state)
{
    size_t i;
    int k;
    (void)state;
    for (i = 0; i < N_ELEMS(many_keys_cases); i++) {
        const many_keys_case *c = &many_keys_cases[i];
        sbuf b = { NULL, 0, 0 };
        pekppp_error err;
        recorder rec;
        clock_t t0;
        double cpu;
        int rc;
        sb_puts(&b, c->head);
        for (k = 0; k < 200000; k++) {
            sb_puts(&b, c->key_before);
            sb_printf(&b, "%06d", k);
            sb_puts(&b, c->key_after);
        }
        t0 = clock();
        if (c->rubric) {
            pekppp_rubric *r = NULL;
            rc = load_rubric(&r, "many.yaml", b.s, b.len, &err, &rec);
            pekppp_rubric_free(r);
        } else {
            pekppp_assessment *a = NULL;
            rc = load_unit(&a, "many.yaml", b.s, b.len, &err, &rec);
            pekppp_assessment_free(a);
        }
        cpu = cpu_seconds(t0);
        if (cpu > 2.0 * SLOW)
            fail_msg("%s: %.2f s of CPU for 200000 keys", c->name, cpu);
        assert_int_equal(rc, PEKPPP_EINVALID);
        expect_error(&err, PEKPPP_EINVALID, "many.yaml", c->first_line, c->first_col,
                     c->first_path, c->first_message);
        if (rec.errors != c->errors)
            fail_msg("%s: %zu errors, expected %zu", c->name, rec.errors, c->errors);
    }
}

/* One key written 200000 times: every repeat is reported, and the rest of
 * the unit checked, in well under a second.  Run in a child that is killed after the time limit, so a
 * quadratic duplicate check fails the test instead of stalling the suite. */
typedef struct {
    int code;
    size_t errors;
    double cpu;
    pekppp_error err;
} keys_report;

static void test_keys__one_key_repeated_200000_times_ends_quickly(void **state)
{
    sbuf b = { NULL, 0, 0 };
    keys_report rep;
    int fds[2], status, k;
    double start, limit = 2.0 * SLOW + 1.0;
    pid_t pid;
    (void)state;
    for (k = 0; k < 200000; k++)
        sb_puts(&b, "k: 1\n");
    assert_int_equal(pipe(fds), 0);
    start = now();
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        pekppp_assessment *a = NULL;
        recorder rec;
        clock_t t0 = clock();
        close(fds[0]);
        memset(&rep, 0, sizeof(rep));
        rep.code = load_unit(&a, "same.yaml", b.s, b.len, &rep.err, &rec);
        rep.cpu = cpu_seconds(t0);
        rep.errors = rec.errors;
        _exit(write(fds[1], &rep, sizeof(rep)) == (ssize_t)sizeof(rep) ? 0 : 1);
    }
    close(fds[1]);
    status = wait_at_most(pid, start, limit);
    if (status == -1) {
        close(fds[0]);
        fail_msg("200000 repeats of one key: still loading after %.0f s", limit);
    }
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(read(fds[0], &rep, sizeof(rep)), (ssize_t)sizeof(rep));
    close(fds[0]);
    assert_int_equal(rep.code, PEKPPP_EINVALID);
    expect_error(&rep.err, PEKPPP_EINVALID, "same.yaml", 2, 1, "",
                 "duplicate key 'k' (first at line 1)");
    /* Every repeat, then the unit's other problems (the one 'k' left is an
     * unknown key, and five required keys are missing): the tree is kept. */
    assert_int_equal(rep.errors, 199999 + 6);
    if (rep.cpu > 2.0 * SLOW)
        fail_msg("%.2f s of CPU", rep.cpu);
}

static void test_keys__a_mapping_past_the_node_limit_stops_at_the_limit(void **state)
{
    sbuf b = { NULL, 0, 0 };
    pekppp_assessment *a = NULL;
    pekppp_error err;
    recorder rec;
    clock_t t0;
    int k;
    (void)state;
    /* The root, then 500000 keys and values: node 1000001 is the last value. */
    for (k = 0; k < 500000; k++)
        sb_printf(&b, "k%06d: 1\n", k);
    t0 = clock();
    assert_int_equal(load_unit(&a, "nodes.yaml", b.s, b.len, &err, &rec), PEKPPP_ELIMIT);
    if (cpu_seconds(t0) > 2.0 * SLOW)
        fail_msg("%.2f s of CPU", cpu_seconds(t0));
    assert_null(a);
    expect_error(&err, PEKPPP_ELIMIT, "nodes.yaml", 500000, 10, "",
                 "too many nodes in one document (limit 1000000)");
    assert_int_equal(rec.errors, 1);
}

/* ------------------------------------------------------------------------ */
/* broken files                                                             */

typedef struct {
    const char *name;
    const char *file;      /* written to the scratch folder under this name */
    const char *data;
    size_t len;            /* 0: strlen(data) */
    int code;
    unsigned line, col;
    const char *path;
    const char *message;
} file_case;

static const char elf_bytes[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0";
static const char xlsx_bytes[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0b\xee\x9dh^\x01\0\0\x90\x04";

static const file_case broken_files[] = {
    { "empty file", "empty.yaml", "", 0, PEKPPP_EINVALID, 1, 1, "",
      "the file is empty: expected a mapping" },
    { "spaces and blank lines", "blank.yaml", "   \n\n      \r\n  \n", 0, PEKPPP_EINVALID, 1, 1,
      "", "the file is empty: expected a mapping" },
    { "comments only", "comments.yaml", "# schema: pekppp/assessment/v1\n# nothing\n", 0,
      PEKPPP_EINVALID, 1, 1, "", "the file is empty: expected a mapping" },
    { "an HTML page", "page.yaml",
      "<html>\n<head><title>Laporan</title></head>\n<body>PEKPPP</body>\n</html>\n", 0,
      PEKPPP_EINVALID, 1, 1, "",
      "expected a mapping (key: value), got '<html> <head><title>Laporan</title></hea...'" },
    { "an HTML page with a colon", "page2.yaml",
      "<!DOCTYPE html>\n<p>Nilai: 4</p>\n", 0, PEKPPP_EPARSE, 2, 9, "",
      "invalid YAML: mapping values are not allowed in this context" },
    { "a unit file that is a list", "list.yaml",
      "- schema: pekppp/assessment/v1\n- rubric: small-two-aspects\n", 0, PEKPPP_EINVALID, 1, 1,
      "", "expected a mapping (key: value), got a list" },
    { "a bare number", "number.yaml", "4.5\n", 0, PEKPPP_EINVALID, 1, 1, "",
      "expected a mapping (key: value), got '4.5'" },
    { "an ELF binary", "program.yaml", elf_bytes, sizeof(elf_bytes) - 1, PEKPPP_EPARSE, 1, 1, "",
      "not valid text: control characters are not allowed (the file must be UTF-8)" },
    { "an Excel workbook", "sheet.yaml", xlsx_bytes, sizeof(xlsx_bytes) - 1, PEKPPP_EPARSE, 1, 3,
      "", "not valid text: control characters are not allowed (the file must be UTF-8)" },
    { "a NUL inside a line", "nul.yaml", "schema: pekppp/assessment/v1\nrubric: sm\0all\n", 44,
      PEKPPP_EPARSE, 2, 11, "",
      "not valid text: control characters are not allowed (the file must be UTF-8)" },
    { "UTF-16 with a byte order mark", "utf16.yaml", "\xff\xfes\0c\0h\0:\0 \0x\0\n\0", 16,
      PEKPPP_EPARSE, 1, 1, "", "the file is UTF-16: save it as UTF-8" },
    { "Latin-1 text", "latin1.yaml", "schema: pekppp/assessment/v1\nrubric: caf\xe9\n", 0,
      PEKPPP_EPARSE, 2, 12, "",
      "not valid text: incomplete UTF-8 octet sequence (the file must be UTF-8)" },
    { "a tab in indentation", "tabs.yaml",
      "schema: pekppp/assessment/v1\nrubric: small-two-aspects\nunit:\n  id: u-1\n"
      "\tname: Unit Satu\n",
      0, PEKPPP_EPARSE, 5, 1, "",
      "invalid YAML: found a tab character that violates indentation while scanning a plain "
      "scalar (line 4)" },
    { "a tab in indentation after a quoted value", "tabs3.yaml",
      "schema: pekppp/assessment/v1\nrubric: small-two-aspects\nunit:\n  id: \"u-1\"\n"
      "\tname: Unit Satu\n",
      0, PEKPPP_EPARSE, 5, 1, "",
      "invalid YAML: found character that cannot start any token while scanning for the next "
      "token (line 5)" },
    { "a tab after spaces in indentation", "tabs2.yaml",
      "schema: pekppp/assessment/v1\nrubric: small-two-aspects\nunit:\n  id: \"u-1\"\n"
      "  \tname: Unit Satu\n",
      0, PEKPPP_EPARSE, 5, 3, "",
      "invalid YAML: found character that cannot start any token while scanning for the next "
      "token (line 5)" },
};

/* Whether the case gave its expected error (a mismatch is printed). */
static bool run_file_case(const file_case *c)
{
    const char *path = in_dir(c->file);
    size_t len = c->len ? c->len : strlen(c->data);
    pekppp_assessment *a = NULL;
    pekppp_rubric *r = NULL;
    pekppp_error err;
    recorder rec;
    double t = now();
    int rc;

    write_file(path, c->data, len);
    rc = load_unit(&a, path, NULL, 0, &err, &rec);
    if (rc != c->code || err.line != c->line || err.column != c->col ||
        strcmp(err.message, c->message) != 0 || strcmp(err.path, c->path) != 0) {
        print_error("%s: got rc %d at %u:%u [%s] '%s'\n  expected rc %d at %u:%u [%s] '%s'\n",
                    c->name, rc, err.line, err.column, err.path, err.message, c->code, c->line,
                    c->col, c->path, c->message);
        pekppp_assessment_free(a);
        unlink(path);
        return false;
    }
    expect_error(&err, c->code, path, c->line, c->col, c->path, c->message);
    assert_null(a);
    assert_int_equal(rec.errors, 1);

    /* The rubric loader reads files the same way. */
    rc = load_rubric(&r, path, NULL, 0, &err, &rec);
    pekppp_rubric_free(r);
    assert_true(rc < 0);
    assert_true(err.line > 0);
    if (now() - t > 0.5 * SLOW)
        fail_msg("%s: %.2f s", c->name, now() - t);
    unlink(path);
    return true;
}

static void run_file_cases(const file_case *cases, size_t n)
{
    size_t i, failed = 0;
    for (i = 0; i < n; i++)
        if (!run_file_case(&cases[i]))
            failed++;
    if (failed)
        fail_msg("%zu of %zu cases failed", failed, n);
}

static void test_file__broken_files_fail_with_a_located_error(void **state)
{
    (void)state;
    run_file_cases(broken_files, N_ELEMS(broken_files));
}

/* 4 KiB of noise (a fixed pseudo-random sequence, NULs included). */
static void test_file__random_bytes_are_not_text(void **state)
{
    char data[4096];
    uint32_t x = 20250101u;
    size_t i, nuls = 0;
    file_case c = { "random bytes", "noise.yaml", NULL, sizeof(data), PEKPPP_EPARSE, 1, 2, "",
                    "not valid text: invalid leading UTF-8 octet (the file must be UTF-8)" };
    (void)state;
    for (i = 0; i < sizeof(data); i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (char)(x >> 24);
        nuls += data[i] == 0;
    }
    assert_true(nuls > 0);
    c.data = data;
    run_file_cases(&c, 1);
}

/* A Latin-1 "é" inside a line is reported where it stands (column 12),
 * not at the byte after it. */
static void test_file__an_invalid_utf8_sequence_is_located_at_its_first_byte(void **state)
{
    static const file_case c = {
        "Latin-1 text inside a line", "latin1b.yaml",
        "schema: pekppp/assessment/v1\nrubric: caf\xe9 au lait\n", 0, PEKPPP_EPARSE, 2, 12, "",
        "not valid text: invalid trailing UTF-8 octet (the file must be UTF-8)"
    };
    (void)state;
    run_file_cases(&c, 1);
}

/* Per YAML, a line of blanks is empty even when one of them is a tab. */
static void test_file__a_blank_line_holding_a_tab_is_still_an_empty_file(void **state)
{
    static const file_case c = { "blank lines with a tab", "tabblank.yaml", "  \n\t\n", 0,
                                 PEKPPP_EINVALID, 1, 1, "",
                                 "the file is empty: expected a mapping" };
    (void)state;
    run_file_cases(&c, 1);
}

/* A file cut short (a copy stopped midway) is reported where it ends: on
 * its last line, after its last character, not on a line it does not have. */
static void test_file__a_file_cut_in_the_middle_of_a_key_is_located_at_its_end(void **state)
{
    static const file_case cases[] = {
        { "YAML cut inside a key", "cut.yaml",
          "schema: pekppp/assessment/v1\nrubric: small-two-aspects\nunit:\n  id: u-1\n"
          "  name: Unit Satu\nperi",
          0, PEKPPP_EPARSE, 6, 5, "",
          "invalid YAML: could not find expected ':' while scanning a simple key (line 6)" },
        { "JSON cut inside a key", "cut.json",
          "{\"schema\": \"pekppp/assessment/v1\",\n \"rubric\": \"small-two-aspects\",\n \"uni", 0,
          PEKPPP_EPARSE, 3, 6, "",
          "invalid JSON: found unexpected end of stream while scanning a quoted scalar (line 3)" },
        { "JSON cut after a value", "cut2.json",
          "{\"schema\": \"pekppp/assessment/v1\",\n \"rubric\": \"small-two-aspects\",\n"
          " \"unit\": {\"id\": 3",
          0, PEKPPP_EPARSE, 3, 18, "",
          "invalid JSON: did not find expected ',' or '}' while parsing a flow mapping (line 3)" },
        { "YAML cut inside a list", "cut3.yaml", "schema: pekppp/assessment/v1\nunit: [1, 2", 0,
          PEKPPP_EPARSE, 2, 12, "",
          "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence (line 2)" },
    };
    (void)state;
    run_file_cases(cases, N_ELEMS(cases));
}

static void test_file__a_utf8_bom_is_skipped(void **state)
{
    char *unit = valid_unit(), *bad = make_unit("mandri", "4", "4.5");
    sbuf b = { NULL, 0, 0 };
    const char *path = in_dir("bom.yaml");
    pekppp_assessment *a = NULL;
    pekppp_error err;
    recorder rec;
    (void)state;

    sb_puts(&b, "\xef\xbb\xbf");
    sb_puts(&b, unit);
    write_file(path, b.s, b.len);
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), 0);
    assert_int_equal(rec.errors, 0);
    assert_string_equal(pekppp_assessment_unit_id(a), "u-1");
    assert_int_equal(index_of(a), 411);
    pekppp_assessment_free(a);

    /* The BOM takes no column: an error on line 1 is where it is without one. */
    b.len = 0;
    sb_puts(&b, "\xef\xbb\xbf");
    sb_puts(&b, "schema: pekppp/rubric/v0\n");
    write_file(path, b.s, b.len);
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), PEKPPP_EINVALID);
    expect_error(&err, PEKPPP_EINVALID, path, 1, 9, "schema",
                 "schema is 'pekppp/rubric/v0': expected 'pekppp/assessment/v1'");

    /* Nor in an encoding error on line 1, found by the reader. */
    b.len = 0;
    sb_puts(&b, "\xef\xbb\xbf" "a: \xff\n");
    write_file(path, b.s, b.len);
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), PEKPPP_EPARSE);
    expect_error(&err, PEKPPP_EPARSE, path, 1, 4, "",
                 "not valid text: invalid leading UTF-8 octet (the file must be UTF-8)");

    b.len = 0;
    sb_puts(&b, "\xef\xbb\xbf");
    sb_puts(&b, bad);
    write_file(path, b.s, b.len);
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), PEKPPP_EINVALID);
    expect_error(&err, PEKPPP_EINVALID, path, 5, 9, "unit.mode",
                 "mode 'mandri' is not 'mandiri' or 'nasional': did you mean 'mandiri'?");
    unlink(path);
}

static void test_file__crlf_line_ends_load_and_keep_line_numbers(void **state)
{
    char *unit = valid_unit(), *bad = make_unit("mandri", "4", "4.5");
    char *crlf = to_crlf(unit), *crlf_bad = to_crlf(bad);
    const char *path = in_dir("crlf.yaml");
    pekppp_assessment *a = NULL;
    pekppp_error err;
    recorder rec;
    (void)state;

    write_file(path, crlf, strlen(crlf));
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), 0);
    assert_int_equal(index_of(a), 411);
    assert_string_equal(pekppp_assessment_unit_name(a), "Unit Satu"); /* no '\r' kept */
    pekppp_assessment_free(a);

    write_file(path, crlf_bad, strlen(crlf_bad));
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), PEKPPP_EINVALID);
    expect_error(&err, PEKPPP_EINVALID, path, 5, 9, "unit.mode",
                 "mode 'mandri' is not 'mandiri' or 'nasional': did you mean 'mandiri'?");
    assert_int_equal(rec.errors, 1);

    /* A syntax error after CRLF lines is on its line too. */
    {
        char *broken = subst(crlf, "  mode: mandiri", "  mode: [mandiri");
        write_file(path, broken, strlen(broken));
        assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), PEKPPP_EPARSE);
        expect_error(&err, PEKPPP_EPARSE, path, 6, 7, "",
                     "invalid YAML: did not find expected ',' or ']' while parsing a flow "
                     "sequence (line 5)");
    }
    unlink(path);
}

static void test_file__a_directory_is_not_a_file(void **state)
{
    const char *path = in_dir("folder.yaml");
    pekppp_assessment *a = NULL;
    pekppp_rubric *r = NULL;
    pekppp_error err;
    recorder rec;
    (void)state;
    assert_int_equal(mkdir(path, 0755), 0);
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), PEKPPP_EIO);
    expect_error(&err, PEKPPP_EIO, path, 0, 0, "", "is a directory, not a file");
    assert_int_equal(load_rubric(&r, path, NULL, 0, &err, &rec), PEKPPP_EIO);
    expect_error(&err, PEKPPP_EIO, path, 0, 0, "", "is a directory, not a file");
    assert_null(a);
    assert_null(r);
    rmdir(path);
}

static void test_file__a_fifo_with_a_writer_is_read_to_its_end(void **state)
{
    const char *path = in_dir("fifo.yaml");
    char *unit = valid_unit();
    size_t half = strlen(unit) / 2;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    recorder rec;
    int keeper, sync[2], status;
    char go;
    pid_t pid;
    double t;
    (void)state;

    assert_int_equal(mkfifo(path, 0644), 0);
    /* A reader of our own, so the writer's open() does not wait. */
    keeper = open(path, O_RDONLY | O_NONBLOCK);
    assert_true(keeper >= 0);
    assert_int_equal(pipe(sync), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* Write half, let the loader start, then the rest after a pause. */
        struct timespec pause = { 0, 100 * 1000 * 1000 };
        int fd = open(path, O_WRONLY);
        close(sync[0]);
        if (fd < 0 || write(fd, unit, half) != (ssize_t)half || write(sync[1], "g", 1) != 1)
            _exit(1);
        nanosleep(&pause, NULL);
        if (write(fd, unit + half, strlen(unit) - half) != (ssize_t)(strlen(unit) - half))
            _exit(1);
        close(fd);
        _exit(0);
    }
    close(sync[1]);
    assert_int_equal(read(sync[0], &go, 1), 1);
    close(sync[0]);
    alarm(10); /* a hang ends the test run instead of blocking it */
    t = now();
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), 0);
    alarm(0);
    close(keeper);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_true(now() - t < 1.0 * SLOW);
    assert_int_equal(index_of(a), 411);
    pekppp_assessment_free(a);
    unlink(path);
}

static void test_file__a_fifo_without_a_writer_does_not_hang(void **state)
{
    const char *path = in_dir("lonely.yaml");
    pekppp_assessment *a = NULL;
    pekppp_error err;
    recorder rec;
    double t;
    (void)state;
    assert_int_equal(mkfifo(path, 0644), 0);
    alarm(10);
    t = now();
    assert_int_equal(load_unit(&a, path, NULL, 0, &err, &rec), PEKPPP_EINVALID);
    alarm(0);
    assert_true(now() - t < 0.5 * SLOW);
    expect_error(&err, PEKPPP_EINVALID, path, 1, 1, "", "the file is empty: expected a mapping");
    unlink(path);
}

static void test_file__a_file_without_read_permission_is_an_io_error(void **state)
{
    const char *path = in_dir("secret.yaml");
    char *unit = valid_unit();
    pekppp_error errs[2];
    int fds[2], status;
    pid_t pid;
    (void)state;

    if (!can_run_unprivileged()) {
        print_message("note: running as root and cannot drop to uid 65534: permissions are "
                      "not enforced for root, test skipped\n");
        skip();
    }
    write_file(path, unit, strlen(unit));
    assert_int_equal(chmod(path, 0), 0);
    assert_int_equal(pipe(fds), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        pekppp_assessment *a = NULL;
        pekppp_rubric *r = NULL;
        recorder rec;
        close(fds[0]);
        if (drop_root() != 0)
            _exit(2);
        memset(errs, 0, sizeof(errs));
        errs[0].code = load_unit(&a, path, NULL, 0, &errs[0], &rec);
        errs[1].code = load_rubric(&r, path, NULL, 0, &errs[1], &rec);
        _exit(write(fds[1], errs, sizeof(errs)) == (ssize_t)sizeof(errs) ? 0 : 1);
    }
    close(fds[1]);
    assert_int_equal(read(fds[0], errs, sizeof(errs)), (ssize_t)sizeof(errs));
    close(fds[0]);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    expect_error(&errs[0], PEKPPP_EIO, path, 0, 0, "", "cannot open: Permission denied");
    expect_error(&errs[1], PEKPPP_EIO, path, 0, 0, "", "cannot open: Permission denied");
    unlink(path);
}

/* ------------------------------------------------------------------------ */
/* numbers                                                                  */

typedef struct {
    const char *text;
    const char *message;   /* NULL: accepted */
    int64_t index;         /* when accepted: the rounded index (2 places) */
} number_case;

/* A level of indicator 1.a (scale 0..5, no na), at 9:10. */
static const number_case level_cases[] = {
    { "4,5", "expected a whole number, got '4,5': use a decimal point, not a comma", 0 },
    { "1e3", "expected a whole number, got '1e3'", 0 },
    { "0x10", "expected a whole number, got '0x10'", 0 },
    { "0o10", "expected a whole number, got '0o10'", 0 },
    { "010", "expected a whole number, got '010': a leading zero is not allowed", 0 },
    { "+3", "expected a whole number, got '+3'", 0 },
    { "3.0", "expected a whole number, got '3.0'", 0 },
    { "3.00001", "expected a whole number, got '3.00001'", 0 },
    { "NaN", "expected a whole number, got 'NaN'", 0 },
    { ".nan", "expected a whole number, got '.nan'", 0 },
    { ".inf", "expected a whole number, got '.inf'", 0 },
    { "-.inf", "expected a whole number, got '-.inf'", 0 },
    { "99999999999999999999", "expected a whole number, got '99999999999999999999': too large",
      0 },
    { "-99999999999999999999", "expected a whole number, got '-99999999999999999999': too large",
      0 },
    { "1000001", "expected a whole number from 0 to 5, got '1000001'", 0 },
    { "6", "level 6 of '1.a' is outside the scale 0 to 5", 0 },
    { "-1", "level -1 of '1.a' is outside the scale 0 to 5", 0 },
    { "\"4\"", "expected a whole number, got the quoted text '4' (write it without quotes)", 0 },
    { "'4'", "expected a whole number, got the quoted text '4' (write it without quotes)", 0 },
    { "true", "expected a whole number, got 'true'", 0 },
    { "[4]", "expected a level, 'na', or a mapping with 'level', got a list", 0 },
    /* -0 is zero: read exactly, as level 0. */
    { "-0", NULL, 321 },
    { "4", NULL, 411 },
};

/* The survey score (scale 0..5, at most 4 places), at 15:10. */
static const number_case score_cases[] = {
    { "4,5", "expected a number, got '4,5': use a decimal point, not a comma", 0 },
    { "1e3", "expected a number, got '1e3'", 0 },
    { "0x10", "expected a number, got '0x10'", 0 },
    { "+3", "expected a number, got '+3'", 0 },
    { "-0", "expected a number, got '-0'", 0 },
    { "3.00001", "expected a number with at most 4 decimal places, got '3.00001'", 0 },
    { "4.99999", "expected a number with at most 4 decimal places, got '4.99999'", 0 },
    { "NaN", "expected a number, got 'NaN'", 0 },
    { ".inf", "expected a number, got '.inf'", 0 },
    { ".Inf", "expected a number, got '.Inf'", 0 },
    { "99999999999999999999", "expected a number, got '99999999999999999999': too large", 0 },
    { "5.0001", "survey score 5.0001 is outside the scale 0 to 5", 0 },
    { "\"4.5\"", "expected a number, got the quoted text '4.5' (write it without quotes)", 0 },
    { "4.", "expected a number, got '4.'", 0 },
    { ".5", "expected a number, got '.5'", 0 },
    /* 0.75 x 3.98 + 0.25 x 4.0001 = 3.985025 -> 3.99 */
    { "4.0001", NULL, 399 },
    { "4.5000", NULL, 411 },
};

static void test_numbers__unit_levels_are_rejected_or_read_exactly(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(level_cases); i++) {
        const number_case *c = &level_cases[i];
        char *text = make_unit("mandiri", c->text, "4.5");
        pekppp_assessment *a = NULL;
        pekppp_error err;
        recorder rec;
        int rc = load_unit(&a, "u.yaml", text, strlen(text), &err, &rec);
        int64_t index = rc == 0 ? index_of(a) : -1;
        pekppp_assessment_free(a);
        if (c->message) {
            if (rc != PEKPPP_EINVALID || rec.errors != 1)
                fail_msg("level %s: rc %d, %zu errors, first '%s'", c->text, rc, rec.errors,
                         err.message);
            expect_error(&err, PEKPPP_EINVALID, "u.yaml", 9, 10, "answers.1.a", c->message);
        } else {
            if (rc != 0)
                fail_msg("level %s: rc %d '%s'", c->text, rc, err.message);
            assert_int_equal(index, c->index);
        }
    }
}

static void test_numbers__survey_scores_are_rejected_or_read_exactly(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(score_cases); i++) {
        const number_case *c = &score_cases[i];
        char *text = make_unit("mandiri", "4", c->text);
        pekppp_assessment *a = NULL;
        pekppp_error err;
        recorder rec;
        int rc = load_unit(&a, "u.yaml", text, strlen(text), &err, &rec);
        int64_t index = rc == 0 ? index_of(a) : -1;
        pekppp_assessment_free(a);
        if (c->message) {
            if (rc != PEKPPP_EINVALID || rec.errors != 1)
                fail_msg("score %s: rc %d, %zu errors, first '%s'", c->text, rc, rec.errors,
                         err.message);
            expect_error(&err, PEKPPP_EINVALID, "u.yaml", 15, 10, "survey.score", c->message);
        } else {
            if (rc != 0)
                fail_msg("score %s: rc %d '%s'", c->text, rc, err.message);
            assert_int_equal(index, c->index);
        }
    }
}

/* A rubric whose first indicator weighs @W@ (line 15, column 17); the other 50. */
static const char weight_rubric[] = "schema: pekppp/rubric/v1\n"
                                    "id: tiny\n"
                                    "version: \"1\"\n"
                                    "scale: {min: 0, max: 5}\n"
                                    "bands:\n"
                                    "  - {grade: \"A\", label: \"a\", min: 4.51}\n"
                                    "  - {grade: \"F\", label: \"f\", min: 0}\n"
                                    "aspects:\n"
                                    "  - id: satu\n"
                                    "    name: Satu\n"
                                    "    weight: 100\n"
                                    "    indicators:\n"
                                    "      - id: x\n"
                                    "        name: X\n"
                                    "        weight: @W@\n"
                                    "        levels: [l0, l1, l2, l3, l4, l5]\n"
                                    "        evidence: [e]\n"
                                    "      - {id: y, name: Y, weight: 50, levels: [m0, m1, m2, m3, "
                                    "m4, m5], evidence: [e]}\n";

static const number_case weight_cases[] = {
    { "4,5", "expected a number, got '4,5': use a decimal point, not a comma", 0 },
    { "1e3", "expected a number, got '1e3'", 0 },
    { "0x10", "expected a number, got '0x10'", 0 },
    { "-0", "expected a number, got '-0'", 0 },
    { "+3", "expected a number, got '+3'", 0 },
    { "3.00001", "expected a number with at most 4 decimal places, got '3.00001'", 0 },
    { "NaN", "expected a number, got 'NaN'", 0 },
    { ".inf", "expected a number, got '.inf'", 0 },
    { "99999999999999999999", "expected a number, got '99999999999999999999': too large", 0 },
    { "050", "expected a number, got '050': a leading zero is not allowed", 0 },
    { "\"50\"", "expected a number, got the quoted text '50' (write it without quotes)", 0 },
    { "50", NULL, 0 },
    { "50.0000", NULL, 0 },
};

static void test_numbers__rubric_weights_are_rejected_or_read_exactly(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(weight_cases); i++) {
        const number_case *c = &weight_cases[i];
        char *text = subst(weight_rubric, "@W@", c->text);
        pekppp_rubric *r = NULL;
        pekppp_error err;
        recorder rec;
        int rc = load_rubric(&r, "tiny.yaml", text, strlen(text), &err, &rec);
        int64_t weight = rc == 0 ? pekppp_rubric_indicator(r, 0)->weight : -1;
        pekppp_rubric_free(r);
        if (c->message) {
            if (rc != PEKPPP_EINVALID || rec.errors != 1)
                fail_msg("weight %s: rc %d, %zu errors, first '%s'", c->text, rc, rec.errors,
                         err.message);
            expect_error(&err, PEKPPP_EINVALID, "tiny.yaml", 15, 17,
                         "aspects[0].indicators[0].weight", c->message);
        } else {
            if (rc != 0)
                fail_msg("weight %s: rc %d '%s'", c->text, rc, err.message);
            assert_int_equal(weight, 500000);
        }
    }
}

static const char levels_evidence[] = "levels: [l0, l1, l2, l3, l4, l5], evidence: [e]";

static void rubric_head(sbuf *b, const char *id, int decimals)
{
    sb_printf(b,
              "schema: pekppp/rubric/v1\n"
              "id: %s\n"
              "version: \"1\"\n"
              "scale: {min: 0, max: 5}\n"
              "rounding: {decimals: %d}\n"
              "bands:\n"
              "  - {grade: \"A\", label: \"a\", min: 4.51}\n"
              "  - {grade: \"B\", label: \"b\", min: 2.5}\n"
              "  - {grade: \"F\", label: \"f\", min: 0}\n"
              "aspects:\n",
              id, decimals);
}

/* Loads a rubric in a child, so that a crash (a sanitizer stopping at
 * undefined behaviour, say) fails this test and not the whole run. */
typedef struct {
    int code;
    size_t errors;
    pekppp_error err;
} rubric_report;

static rubric_report load_rubric_in_child(const char *name, const char *data, size_t len)
{
    rubric_report rep;
    int fds[2], status;
    pid_t pid;
    ssize_t got;
    assert_int_equal(pipe(fds), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        pekppp_rubric *r = NULL;
        recorder rec;
        close(fds[0]);
        memset(&rep, 0, sizeof(rep));
        rep.code = load_rubric(&r, name, data, len, &rep.err, &rec);
        rep.errors = rec.errors;
        pekppp_rubric_free(r);
        _exit(write(fds[1], &rep, sizeof(rep)) == (ssize_t)sizeof(rep) ? 0 : 1);
    }
    close(fds[1]);
    got = read(fds[0], &rep, sizeof(rep));
    close(fds[0]);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (got != (ssize_t)sizeof(rep) || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("loading %s crashed (%s %d)", name,
                 WIFSIGNALED(status) ? "signal" : "exit code",
                 WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    return rep;
}

/* Weights of up to 12 integer digits summed over 1000 aspects or 1000
 * indicators would pass 2^63.  A weight is a percent, so one above 100 is
 * refused where it stands (every one of them), and sums stay far from any
 * overflow. */
static void test_numbers__weights_above_100_are_refused_so_sums_never_overflow(void **state)
{
    sbuf b = { NULL, 0, 0 };
    rubric_report rep;
    int i;
    (void)state;

    rubric_head(&b, "wide-aspects", 2); /* "aspects:" is line 10 */
    for (i = 0; i < 1000; i++)
        sb_printf(&b,
                  "  - {id: a%d, name: n, weight: 999999999999.9999, indicators: [{id: i%d, "
                  "name: n, weight: 100, %s}]}\n",
                  i, i, levels_evidence);
    rep = load_rubric_in_child("wide.yaml", b.s, b.len);
    assert_int_equal(rep.code, PEKPPP_EINVALID);
    expect_error(&rep.err, PEKPPP_EINVALID, "wide.yaml", 11, 31, "aspects[0].weight",
                 "aspect weight 999999999999.9999 is above 100: weights are percents of the "
                 "evaluator score");
    assert_int_equal(rep.errors, 1000);

    b.len = 0;
    rubric_head(&b, "wide-indicators", 2);
    sb_puts(&b, "  - id: a\n    name: n\n    weight: 100\n    indicators:\n"); /* line 14 */
    for (i = 0; i < 1000; i++)
        sb_printf(&b, "      - {id: i%d, name: n, weight: 999999999999.9999, %s}\n", i,
                  levels_evidence);
    rep = load_rubric_in_child("wide.yaml", b.s, b.len);
    assert_int_equal(rep.code, PEKPPP_EINVALID);
    expect_error(&rep.err, PEKPPP_EINVALID, "wide.yaml", 15, 35, "aspects[0].indicators[0].weight",
                 "weight 999999999999.9999 is above 100: weights are percents within the aspect");
    assert_int_equal(rep.errors, 1000);
}

/* 1000 indicators with four-place weights (99.9995 and 0.0001 for aspects,
 * 0.1003 / 0.0999 / 33.3333 for indicators) and na answers that leave weight
 * sums of 98.4984 and 66.6666 / 66.6667.  A common denominator made of those
 * sums by naive multiplication is far past 64 bits; the exact index is
 *   3338002997003667 / 1334667334000000 = 2.500999996006...
 * (worked out with exact fractions), which rounds to 2.5010. */
static void test_numbers__many_fine_weights_score_exactly(void **state)
{
    static const char *const k_answers[5][3] = {
        { "5", "4", "na" }, { "na", "1", "3" }, { "3", "na", "5" }, { "2", "3", "na" },
        { "1", "na", "0" }
    };
    sbuf b = { NULL, 0, 0 };
    pekppp_rubric *r = NULL;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_error err;
    recorder rec;
    pekppp_fixed idx;
    char shown[32];
    int i, k;
    (void)state;

    rubric_head(&b, "many-fine", 4);
    sb_puts(&b, "  - id: besar\n    name: Besar\n    weight: 99.9995\n    indicators:\n");
    for (i = 1; i <= 984; i++)
        sb_printf(&b, "      - {id: b%d, name: n, weight: %s, %s}\n", i,
                  i % 2 ? "0.1003" : "0.0999", levels_evidence);
    sb_printf(&b, "      - {id: b985, name: n, weight: 1.5016, na: true, %s}\n", levels_evidence);
    for (k = 1; k <= 5; k++) {
        sb_printf(&b, "  - id: k%d\n    name: K\n    weight: 0.0001\n    indicators:\n", k);
        sb_printf(&b, "      - {id: k%da, name: n, weight: 33.3333, na: true, %s}\n", k,
                  levels_evidence);
        sb_printf(&b, "      - {id: k%db, name: n, weight: 33.3333, na: true, %s}\n", k,
                  levels_evidence);
        sb_printf(&b, "      - {id: k%dc, name: n, weight: 33.3334, na: true, %s}\n", k,
                  levels_evidence);
    }
    assert_int_equal(load_rubric(&r, "many-fine.yaml", b.s, b.len, &err, &rec), 0);
    assert_int_equal(pekppp_rubric_indicator_count(r), 1000);

    b.len = 0;
    sb_puts(&b, "schema: pekppp/assessment/v1\nrubric: many-fine\nunit: {id: u, name: U}\n"
                "period: \"2025\"\nanswers:\n");
    for (i = 1; i <= 984; i++)
        sb_printf(&b, "  b%d: %d\n", i, (i * 7) % 6);
    sb_puts(&b, "  b985: na\n");
    for (k = 1; k <= 5; k++)
        sb_printf(&b, "  k%da: %s\n  k%db: %s\n  k%dc: %s\n", k, k_answers[k - 1][0], k,
                  k_answers[k - 1][1], k, k_answers[k - 1][2]);
    o.rubric = r;
    o.diag = record;
    o.payload = &rec;
    memset(&rec, 0, sizeof(rec));
    assert_int_equal(pekppp_assessment_load_buffer(&a, b.s, b.len, "many-fine-unit.yaml", &o,
                                                   &err),
                     0);
    assert_int_equal(pekppp_score(&res, a, &err), 0);

    assert_true(res->index.num == (pk_i128)3338002997003667LL);
    assert_true(res->index.den == (pk_i128)1334667334000000LL);
    idx = pekppp_result_index(res);
    assert_int_equal(idx.decimals, 4);
    assert_int_equal(idx.units, 25010);
    assert_int_equal(pekppp_fixed_format(shown, sizeof(shown), idx), 6);
    assert_string_equal(shown, "2.5010");
    assert_string_equal(pekppp_result_band(res)->grade, "B");
    /* just below 2.501, just above 2.5009 */
    {
        pekppp_fixed t1 = { 25010, 4 }, t2 = { 25009, 4 }, t3 = { 2501, 3 };
        assert_int_equal(pekppp_result_compare_index(res, t1), -1);
        assert_int_equal(pekppp_result_compare_index(res, t2), 1);
        assert_int_equal(pekppp_result_compare_index(res, t3), -1);
        assert_int_equal(pekppp_fixed_compare(idx, t1), 0);
        assert_int_equal(pekppp_fixed_compare(idx, t3), 0);
        assert_int_equal(pekppp_fixed_compare(t2, idx), -1);
        t3.decimals = 19;
        assert_int_equal(pekppp_result_compare_index(res, t3), PEKPPP_EINVALID);
        assert_int_equal(pekppp_fixed_compare(idx, t3), PEKPPP_EINVALID);
    }
    assert_true(pekppp_result_flags(res) & PEKPPP_FLAG_NA_RENORMALISED);

    pekppp_result_free(res);
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

/* Six aspects whose non-na weight sums are six different primes (66.6607,
 * 66.6637, ...): the exact index has a 137-bit denominator.  It cannot be
 * held in 128 bits, so the unit is refused with its message, never
 * approximated. */
static void test_numbers__an_index_past_128_bits_is_refused_not_approximated(void **state)
{
    static const char *const w[6][3] = {
        { "33.3303", "33.3304", "33.3393" }, { "33.3318", "33.3319", "33.3363" },
        { "33.3321", "33.3322", "33.3357" }, { "33.3323", "33.3324", "33.3353" },
        { "33.3324", "33.3325", "33.3351" }, { "33.3333", "33.3334", "33.3333" },
    };
    sbuf b = { NULL, 0, 0 };
    pekppp_rubric *r = NULL;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_error err;
    recorder rec;
    int k;
    (void)state;

    rubric_head(&b, "six-primes", 2);
    for (k = 0; k < 6; k++) {
        sb_printf(&b, "  - id: a%d\n    name: A\n    weight: %s\n    indicators:\n", k,
                  k < 4 ? "16.6667" : "16.6666");
        sb_printf(&b, "      - {id: x%d, name: n, weight: %s, %s}\n", k, w[k][0], levels_evidence);
        sb_printf(&b, "      - {id: y%d, name: n, weight: %s, %s}\n", k, w[k][1], levels_evidence);
        sb_printf(&b, "      - {id: z%d, name: n, weight: %s, na: true, %s}\n", k, w[k][2],
                  levels_evidence);
    }
    assert_int_equal(load_rubric(&r, "six-primes.yaml", b.s, b.len, &err, &rec), 0);

    b.len = 0;
    sb_puts(&b, "schema: pekppp/assessment/v1\nrubric: six-primes\nunit: {id: u, name: U}\n"
                "period: \"2025\"\nanswers:\n");
    for (k = 0; k < 6; k++)
        sb_printf(&b, "  x%d: 5\n  y%d: 4\n  z%d: na\n", k, k, k);
    o.rubric = r;
    assert_int_equal(pekppp_assessment_load_buffer(&a, b.s, b.len, "six-primes-unit.yaml", &o,
                                                   &err),
                     0);
    pekppp_error_clear(&err);
    assert_int_equal(pekppp_score(&res, a, &err), PEKPPP_ERANGE);
    assert_null(res);
    expect_error(&err, PEKPPP_ERANGE, "six-primes-unit.yaml", 0, 0, "",
                 "an exact value outgrew 128-bit arithmetic; no rounded approximation is given");
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

/* ------------------------------------------------------------------------ */
/* CLI: standard output                                                     */

static const char dev_full_stdout[] =
    "pekppp: gagal menulis keluaran standar: No space left on device\n";

static void test_cli__stdout_on_a_full_disk_is_an_io_error(void **state)
{
    static const char *const one[] = { "score", EXAMPLES "/puskesmas-kajen.yaml", NULL };
    static const char *const batch[] = { "score", "-q", EXAMPLES "/puskesmas-kajen.yaml",
                                         EXAMPLES "/disdukcapil.yaml", NULL };
    static const char *const batch_json[] = { "score", "-q", "-f", "json",
                                              EXAMPLES "/puskesmas-kajen.yaml",
                                              EXAMPLES "/disdukcapil.yaml", NULL };
    const char *const *cases[] = { one, batch, batch_json };
    static const char *const names[] = { "one unit", "a batch", "a JSON batch" };
    size_t i, failed = 0;
    (void)state;
    NEED_CLI();
    for (i = 0; i < N_ELEMS(cases); i++) {
        run_opts o;
        run_result r;
        int full = open("/dev/full", O_WRONLY);
        assert_true(full >= 0);
        memset(&o, 0, sizeof(o));
        o.args = cases[i];
        o.stdout_fd = full;
        r = run_cli(&o);
        close(full);
        if (exit_code(&r) != 4 || strcmp(r.err, dev_full_stdout) != 0) {
            print_error("%s: rc %d, stderr '%s'\n", names[i], exit_code(&r), r.err);
            failed++;
        }
    }
    if (failed)
        fail_msg("%zu of %zu cases failed", failed, N_ELEMS(cases));
}

/* A reader that went away (`| head -1` once head has exited): the
 * conventional end is death by SIGPIPE, or a non-zero exit when SIGPIPE is
 * ignored, with one line at most. */
static void test_cli__a_closed_pipe_ends_the_run_quietly(void **state)
{
    static const char *const batch[] = { "score", "-q", EXAMPLES "/puskesmas-kajen.yaml",
                                         EXAMPLES "/disdukcapil.yaml",
                                         EXAMPLES "/kecamatan-bojong.yaml", NULL };
    static const char *const one[] = { "score", EXAMPLES "/puskesmas-kajen.yaml", NULL };
    const char *const *cases[] = { one, batch };
    size_t i;
    int ignore;
    (void)state;
    NEED_CLI();
    for (ignore = 0; ignore < 2; ignore++) {
        for (i = 0; i < N_ELEMS(cases); i++) {
            run_opts o;
            run_result r;
            int p[2];
            assert_int_equal(pipe(p), 0);
            close(p[0]); /* nobody will ever read */
            memset(&o, 0, sizeof(o));
            o.args = cases[i];
            o.stdout_fd = p[1];
            o.ignore_sigpipe = ignore != 0;
            r = run_cli(&o);
            close(p[1]);
            assert_true(r.status != -1);
            if (!ignore) {
                if (!(WIFSIGNALED(r.status) && WTERMSIG(r.status) == SIGPIPE) &&
                    !(WIFEXITED(r.status) && WEXITSTATUS(r.status) != 0))
                    fail_msg("case %zu: status %d", i, r.status);
                if (WIFSIGNALED(r.status))
                    assert_string_equal(r.err, "");
                else if (strchr(r.err, '\n') != strrchr(r.err, '\n'))
                    fail_msg("case %zu: more than one line on stderr: %.300s", i, r.err);
            } else {
                assert_int_equal(exit_code(&r), 4);
                assert_string_equal(r.err,
                                    "pekppp: gagal menulis keluaran standar: Broken pipe\n");
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* CLI: -o                                                                  */

static const char old_report[] = "the report of last week\n";

/* out.txt holds the old report, and keep.txt is a second name for it. */
static void prepare_output(void)
{
    unlink(in_dir("out.txt"));
    unlink(in_dir("keep.txt"));
    write_file(in_dir("out.txt"), old_report, strlen(old_report));
    assert_int_equal(link(in_dir("out.txt"), in_dir("keep.txt")), 0);
}

static void expect_old_output_and_no_temp_file(void)
{
    char *now_text = slurp(in_dir("out.txt"), NULL);
    assert_non_null(now_text);
    assert_string_equal(now_text, old_report);
    assert_int_equal(count_entries(g_dir, ".out.txt"), 0);
}

static void test_cli__a_failed_run_leaves_the_previous_output_untouched(void **state)
{
    char *bad = make_unit("mandiri", "7", "4.5");
    static const char *const args[] = { "score", "-r", SMALL_RUBRIC, "-o", "out.txt", "bad.yaml",
                                        NULL };
    run_opts o;
    run_result r;
    (void)state;
    NEED_CLI();
    write_file(in_dir("bad.yaml"), bad, strlen(bad));
    prepare_output();
    memset(&o, 0, sizeof(o));
    o.args = args;
    o.stdout_fd = -1;
    r = run_cli(&o);
    assert_int_equal(exit_code(&r), 3);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, "bad.yaml:9:10: error: answers.1.a: level 7 untuk '1.a' di luar "
                               "skala 0 sampai 5\n"
                               "     9 |   \"1.a\": 7\n"
                               "       |          ^\n");
    expect_old_output_and_no_temp_file();
    unlink(in_dir("bad.yaml"));
}

static void test_cli__a_write_failing_midway_leaves_the_previous_output_untouched(void **state)
{
    static const char *const args[] = { "score", "-o", "out.txt",
                                        EXAMPLES "/puskesmas-kajen.yaml", NULL };
    run_opts o;
    run_result r;
    (void)state;
    NEED_CLI();
    prepare_output();
    memset(&o, 0, sizeof(o));
    o.args = args;
    o.stdout_fd = -1;
    o.fsize_limit = 512; /* the report is larger: writing it fails with EFBIG */
    r = run_cli(&o);
    assert_int_equal(exit_code(&r), 4);
    assert_string_equal(r.err, "pekppp: gagal menulis 'out.txt': File too large\n");
    expect_old_output_and_no_temp_file();
}

static void test_cli__a_successful_run_replaces_the_output_atomically(void **state)
{
    static const char *const args[] = { "score", "-o", "out.txt",
                                        EXAMPLES "/puskesmas-kajen.yaml", NULL };
    run_opts o;
    run_result r;
    char *text, *kept;
    struct stat st;
    (void)state;
    NEED_CLI();
    prepare_output();
    memset(&o, 0, sizeof(o));
    o.args = args;
    o.stdout_fd = -1;
    r = run_cli(&o);
    assert_int_equal(exit_code(&r), 0);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, "");
    text = slurp(in_dir("out.txt"), NULL);
    assert_non_null(text);
    assert_memory_equal(text, "Unit      : Puskesmas Kajen I (3326-pkm-kajen-1)\n", 49);
    /* A new file took the name: the old one, still reachable by its other
     * name, was never truncated or written into. */
    kept = slurp(in_dir("keep.txt"), NULL);
    assert_non_null(kept);
    assert_string_equal(kept, old_report);
    assert_int_equal(stat(in_dir("out.txt"), &st), 0);
    assert_int_equal(st.st_nlink, 1);
    assert_int_equal(count_entries(g_dir, ".out.txt"), 0);
    unlink(in_dir("keep.txt"));
}

/* Replacing a file keeps its permission bits (a 0600 report stays private,
 * set-id bits are not carried over); a new file gets 0666 less the umask. */
static void test_cli__o_keeps_the_permissions_of_the_file_it_replaces(void **state)
{
    static const char *const args[] = { "score", "-o", "out.txt",
                                        EXAMPLES "/puskesmas-kajen.yaml", NULL };
    static const struct {
        mode_t before, after; /* before 0: no file yet */
    } cases[] = { { 0600, 0600 }, { 0640, 0640 }, { 0444, 0444 }, { 04755, 0755 }, { 0, 0 } };
    mode_t mask = umask(0);
    size_t i;
    (void)state;
    umask(mask);
    NEED_CLI();
    for (i = 0; i < N_ELEMS(cases); i++) {
        run_opts o;
        run_result r;
        struct stat st;
        mode_t want = cases[i].before ? cases[i].after : (0666 & ~mask);
        unlink(in_dir("out.txt"));
        if (cases[i].before) {
            write_file(in_dir("out.txt"), old_report, strlen(old_report));
            assert_int_equal(chmod(in_dir("out.txt"), cases[i].before), 0);
        }
        memset(&o, 0, sizeof(o));
        o.args = args;
        o.stdout_fd = -1;
        r = run_cli(&o);
        assert_int_equal(exit_code(&r), 0);
        assert_int_equal(stat(in_dir("out.txt"), &st), 0);
        if ((st.st_mode & 07777) != want)
            fail_msg("a %04o file became %04o, expected %04o", (unsigned)cases[i].before,
                     (unsigned)(st.st_mode & 07777), (unsigned)want);
    }
    unlink(in_dir("out.txt"));
}

/* -o through a symbolic link writes the file it points to and keeps the
 * link, as docs/cli.md says: when that file exists (it is replaced), and
 * when the link dangles (it is created, in the folder the link points to). */
static void test_cli__o_through_a_link_writes_its_target_and_keeps_the_link(void **state)
{
    static const char *const args[] = { "score", "-o", "report.txt",
                                        EXAMPLES "/puskesmas-kajen.yaml", NULL };
    int dangling;
    (void)state;
    NEED_CLI();
    assert_int_equal(mkdir(in_dir("link-target"), 0755), 0);
    for (dangling = 1; dangling >= 0; dangling--) {
        run_opts o;
        run_result r;
        struct stat st;
        char *text;
        unlink(in_dir("report.txt"));
        if (!dangling)
            write_file(in_dir("link-target/report.txt"), old_report, strlen(old_report));
        assert_int_equal(symlink("link-target/report.txt", in_dir("report.txt")), 0);
        memset(&o, 0, sizeof(o));
        o.args = args;
        o.stdout_fd = -1;
        r = run_cli(&o);
        assert_int_equal(exit_code(&r), 0);
        assert_string_equal(r.err, "");
        assert_int_equal(lstat(in_dir("report.txt"), &st), 0);
        if (!S_ISLNK(st.st_mode))
            fail_msg("%s link: the link was replaced by a file", dangling ? "a dangling" : "a");
        text = slurp(in_dir("link-target/report.txt"), NULL);
        assert_non_null(text);
        assert_memory_equal(text, "Unit      : Puskesmas Kajen I", 29);
        assert_int_equal(count_entries(g_dir, ".report.txt"), 0);
        assert_int_equal(count_entries(in_dir("link-target"), ".report.txt"), 0);
        if (dangling)
            unlink(in_dir("link-target/report.txt"));
    }
    unlink(in_dir("report.txt"));
}

/* Write @p n copies of the Kajen example into @p folder, each with its own
 * unit id (u1, u2, ...): a batch big enough to take a while to write. */
static void write_many_units(const char *folder, int n)
{
    size_t len;
    char *text = slurp(EXAMPLES "/puskesmas-kajen.yaml", &len);
    const char *id = "3326-pkm-kajen-1", *at;
    int k;
    assert_non_null(text);
    at = strstr(text, id);
    assert_non_null(at);
    assert_int_equal(mkdir(folder, 0755), 0);
    for (k = 1; k <= n; k++) {
        char path[PATH_MAX];
        FILE *f;
        snprintf(path, sizeof(path), "%s/u%05d.yaml", folder, k);
        f = fopen(path, "wb");
        assert_non_null(f);
        fprintf(f, "%.*su%d%s", (int)(at - text), text, k, at + strlen(id));
        assert_int_equal(fclose(f), 0);
    }
}

/* Start pekppp with @p args in the scratch folder, its output thrown away and
 * every signal at its default action (as from an interactive shell). */
static pid_t spawn_cli(const char *const *args)
{
    const char *argv[16];
    char rubric_path[PATH_MAX + 32];
    char *envp[4];
    size_t n = 0, i;
    pid_t pid;
    argv[n++] = g_cli;
    for (i = 0; args[i] && n < N_ELEMS(argv) - 1; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    snprintf(rubric_path, sizeof(rubric_path), "PEKPPP_RUBRIC_PATH=%s/rubrics", PEKPPP_SOURCE_DIR);
    envp[0] = (char *)"PATH=/usr/bin:/bin";
    envp[1] = (char *)"LANG=C";
    envp[2] = rubric_path;
    envp[3] = NULL;
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        sigset_t none;
        int null = open("/dev/null", O_RDWR);
        if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0 ||
            chdir(g_dir) != 0)
            _exit(120);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execve(g_cli, (char *const *)argv, envp);
        _exit(124);
    }
    return pid;
}

/* Wait (at most @p seconds) for a file whose name starts with @p prefix to
 * be created in the folder @p ino watches; whether one was. */
static bool wait_for_created(int ino, const char *prefix, double seconds)
{
    double start = now();
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    while (now() - start < seconds) {
        struct pollfd pfd = { ino, POLLIN, 0 };
        ssize_t len, off;
        if (poll(&pfd, 1, 50) <= 0)
            continue;
        if ((len = read(ino, buf, sizeof(buf))) <= 0)
            continue;
        for (off = 0; off < len;) {
            /* buf is aligned for the events, and the kernel pads each one */
            const struct inotify_event *e = (const struct inotify_event *)(const void *)(buf + off);
            if (e->len > 0 && strncmp(e->name, prefix, strlen(prefix)) == 0)
                return true;
            off += (ssize_t)(sizeof(*e) + e->len);
        }
    }
    return false;
}

/* SIGTERM or SIGINT while -o is being written (a JSON batch of 1,000 units,
 * tens of megabytes): the temporary file is removed, the previous output is
 * left as it was, and the process still ends by the signal.  The signal is
 * sent the moment the temporary file appears (inotify), long before the
 * report is all written. */
static void test_cli__a_signal_while_writing_o_removes_the_temp_file_and_keeps_the_old_output(
    void **state)
{
    static const char *const args[] = { "score", "-q", "-j", "1", "-f", "json", "-o", "out.txt",
                                        "signal-units", NULL };
    static const int sigs[] = { SIGTERM, SIGINT };
    size_t i;
    (void)state;
    NEED_CLI();
    write_many_units(in_dir("signal-units"), 1000);
    for (i = 0; i < N_ELEMS(sigs); i++) {
        int ino, status;
        bool seen;
        pid_t pid;
        prepare_output();
        ino = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
        assert_true(ino >= 0);
        assert_true(inotify_add_watch(ino, g_dir, IN_CREATE) >= 0);
        pid = spawn_cli(args);
        seen = wait_for_created(ino, ".out.txt.", 20.0 * SLOW);
        kill(pid, sigs[i]);
        close(ino);
        status = wait_at_most(pid, now(), 10.0 * SLOW);
        if (!seen)
            fail_msg("no temporary file appeared next to out.txt");
        if (status == -1 || !WIFSIGNALED(status) || WTERMSIG(status) != sigs[i])
            fail_msg("signal %d: status %d (the report was written before the signal came?)",
                     sigs[i], status);
        expect_old_output_and_no_temp_file();
        unlink(in_dir("keep.txt"));
    }
}

/* The batch progress bar, on a terminal: whole numbers only (the rate is
 * counted in integer milliseconds), the final state, then the line cleared. */
static void test_cli__the_progress_bar_on_a_terminal_shows_whole_numbers(void **state)
{
    static const char *const args[] = { "score", "-j", "1", "-f", "csv", "-o", "/dev/null",
                                        "progress-units", NULL };
    char text[8192], *bar;
    size_t len = 0;
    int master, status;
    pid_t pid;
    (void)state;
    NEED_CLI();
    write_many_units(in_dir("progress-units"), 40);
    master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || !ptsname(master)) {
        print_message("note: no pseudo-terminal: progress bar not tried\n");
        if (master >= 0)
            close(master);
        skip();
    }
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        const char *argv[N_ELEMS(args) + 1];
        char rubric_path[PATH_MAX + 32];
        char *envp[] = { (char *)"PATH=/usr/bin:/bin", (char *)"LANG=C", rubric_path, NULL };
        size_t i;
        int tty = open(ptsname(master), O_RDWR | O_NOCTTY);
        int null = open("/dev/null", O_RDWR);
        snprintf(rubric_path, sizeof(rubric_path), "PEKPPP_RUBRIC_PATH=%s/rubrics",
                 PEKPPP_SOURCE_DIR);
        argv[0] = g_cli;
        for (i = 0; args[i]; i++)
            argv[i + 1] = args[i];
        argv[i + 1] = NULL;
        if (tty < 0 || null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(tty, 2) < 0 ||
            chdir(g_dir) != 0)
            _exit(120);
        close(master);
        execve(g_cli, (char *const *)argv, envp);
        _exit(124);
    }
    status = wait_at_most(pid, now(), 10.0 * SLOW);
    for (;;) { /* what the terminal got, until it has no more */
        struct pollfd pfd = { master, POLLIN, 0 };
        ssize_t n;
        if (len + 1 >= sizeof(text) || poll(&pfd, 1, 200) <= 0)
            break;
        if ((n = read(master, text + len, sizeof(text) - 1 - len)) <= 0)
            break;
        len += (size_t)n;
    }
    close(master);
    text[len] = '\0';
    assert_true(status != -1 && WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    bar = strstr(text, "\r[##############################] 40/40 unit, ");
    if (!bar)
        fail_msg("no final progress line in: '%s'", text);
    bar += strlen("\r[##############################] 40/40 unit, ");
    if (*bar < '0' || *bar > '9' || bar[strspn(bar, "0123456789")] != '/')
        fail_msg("the rate is not a whole number: '%s'", bar);
    assert_true(len >= 4 && memcmp(text + len - 4, "\r\033[K", 4) == 0);
}

/* `-o` naming standard output writes there, in place.  (As root, a rename
 * over /dev/stdout would replace the system's link: that variant runs only
 * without root's powers.) */
static void test_cli__o_dev_stdout_writes_to_standard_output_in_place(void **state)
{
    static const char *const names[] = { "/dev/stdout", "/proc/self/fd/1", "/dev/fd/1" };
    const char *args[] = { "score", "-o", NULL, EXAMPLES "/puskesmas-kajen.yaml", NULL };
    const char *path = in_dir("captured.txt");
    bool unprivileged = can_run_unprivileged();
    size_t i, failed = 0;
    int onto_file;
    struct stat st;
    (void)state;
    NEED_CLI();
    for (i = 0; i < N_ELEMS(names); i++) {
        for (onto_file = 0; onto_file < 2; onto_file++) {
            run_opts o;
            run_result r;
            char *text;
            int fd, p[2] = { -1, -1 };
            if (onto_file && i == 0 && !unprivileged) {
                print_message("note: root cannot drop to uid 65534: -o /dev/stdout onto a "
                              "regular file not tried\n");
                continue;
            }
            args[2] = names[i];
            if (onto_file) {
                fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
            } else {
                assert_int_equal(pipe(p), 0);
                fd = p[1];
            }
            assert_true(fd >= 0);
            memset(&o, 0, sizeof(o));
            o.args = args;
            o.stdout_fd = fd;
            o.unprivileged = onto_file && i == 0 && geteuid() == 0;
            if (!onto_file) {
                /* The report (about 3 KB) fits in the pipe: read it after. */
                r = run_cli(&o);
                close(p[1]);
                text = keep(calloc(1, 65536));
                assert_non_null(text);
                assert_true(read(p[0], text, 65535) > 0);
                close(p[0]);
            } else {
                r = run_cli(&o);
                close(fd);
                text = slurp(path, NULL);
                assert_non_null(text);
            }
            if (exit_code(&r) != 0 || strcmp(r.err, "") != 0 ||
                strncmp(text, "Unit      : Puskesmas Kajen I", 29) != 0) {
                print_error("-o %s onto a %s: rc %d, stderr '%s', output '%.40s'\n", names[i],
                            onto_file ? "file" : "pipe", exit_code(&r), r.err, text);
                failed++;
            }
            /* /dev/stdout is still the system's link */
            assert_int_equal(lstat("/dev/stdout", &st), 0);
            assert_true(S_ISLNK(st.st_mode));
        }
    }
    unlink(path);
    if (failed)
        fail_msg("%zu variants failed", failed);
}

/* ------------------------------------------------------------------------ */
/* CLI: hostile inputs end quickly                                          */

static void test_cli__a_unit_file_with_200000_errors_is_reported_quickly(void **state)
{
    static const char *const args[] = { "score", "many-keys.yaml", NULL };
    sbuf b = { NULL, 0, 0 };
    run_opts o;
    run_result r;
    int k, devnull;
    (void)state;
    NEED_CLI();
    sb_puts(&b, "schema: pekppp/assessment/v1\nrubric: pekppp-2022-luring\n");
    for (k = 0; k < 200000; k++)
        sb_printf(&b, "k%06d: 1\n", k);
    write_file(in_dir("many-keys.yaml"), b.s, b.len);
    devnull = open("/dev/null", O_WRONLY);
    memset(&o, 0, sizeof(o));
    o.args = args;
    o.stdout_fd = devnull;
    o.timeout = 3.0;
    r = run_cli(&o);
    close(devnull);
    assert_int_equal(exit_code(&r), 3);
    {
        static const char first[] = "many-keys.yaml:3:1: error: k000000: kunci 'k000000' tidak dikenal\n";
        assert_memory_equal(r.err, first, sizeof(first) - 1);
    }
    unlink(in_dir("many-keys.yaml"));
}

/* ------------------------------------------------------------------------ */
/* CLI: a batch with files that cannot be read                              */

static void copy_file(const char *from, const char *to)
{
    size_t len;
    char *text = slurp(from, &len);
    assert_non_null(text);
    write_file(to, text, len);
}

static void test_cli__a_batch_reports_unreadable_and_missing_units_and_scores_the_rest(
    void **state)
{
    static const char *const args[] = { "score", "-q", "-f", "json", "units", "gone.yaml", NULL };
    run_opts o;
    run_result r;
    (void)state;
    NEED_CLI();
    if (!can_run_unprivileged()) {
        print_message("note: running as root and cannot drop to uid 65534: an unreadable file "
                      "cannot be made, test skipped\n");
        skip();
    }
    assert_int_equal(mkdir(in_dir("units"), 0755), 0);
    copy_file(EXAMPLES "/puskesmas-kajen.yaml", in_dir("units/1.yaml"));
    copy_file(EXAMPLES "/disdukcapil.yaml", in_dir("units/2.yaml"));
    copy_file(EXAMPLES "/kecamatan-bojong.yaml", in_dir("units/3-locked.yaml"));
    assert_int_equal(chmod(in_dir("units/3-locked.yaml"), 0), 0);

    memset(&o, 0, sizeof(o));
    o.args = args;
    o.stdout_fd = -1;
    o.unprivileged = true;
    r = run_cli(&o);
    assert_int_equal(exit_code(&r), 3);
    assert_string_equal(r.err, "units/3-locked.yaml: error: berkas tidak dapat dibuka: Permission denied\n"
                               "gone.yaml: error: berkas tidak dapat dibuka: No such file or directory\n");
    if (!strstr(r.out, "    \"units\": 4,\n    \"scored\": 2,\n    \"failed\": 2,\n"))
        fail_msg("summary not found in: %.600s", r.out);
    assert_non_null(strstr(r.out, "\"unit\": \"3326-pkm-kajen-1\""));
    assert_non_null(strstr(r.out, "\"unit\": \"3326-disdukcapil\""));
}

/* A folder that exists but cannot be opened: score lists it as a failed
 * item and scores the rest (exit 3); lint reports it as an I/O failure
 * (exit 4); diff names it and fails the side (exit 3).  Only a non-root user can be refused, so the CLI runs as one. */
static void test_cli__an_unreadable_folder_is_reported_and_the_rest_still_scored(void **state)
{
    static const char *const score[] = { "score", "-q", "-f", "json", "folders", NULL };
    static const char *const lint[] = { "lint", "folders", NULL };
    run_opts o;
    run_result r;
    (void)state;
    NEED_CLI();
    if (!can_run_unprivileged()) {
        print_message("note: running as root and cannot drop to uid 65534: an unreadable folder "
                      "cannot be made, test skipped\n");
        skip();
    }
    assert_int_equal(mkdir(in_dir("folders"), 0755), 0);
    assert_int_equal(mkdir(in_dir("folders/locked"), 0755), 0);
    copy_file(EXAMPLES "/puskesmas-kajen.yaml", in_dir("folders/1.yaml"));
    copy_file(EXAMPLES "/disdukcapil.yaml", in_dir("folders/locked/2.yaml"));
    assert_int_equal(chmod(in_dir("folders/locked"), 0), 0);

    memset(&o, 0, sizeof(o));
    o.args = score;
    o.stdout_fd = -1;
    o.unprivileged = true;
    r = run_cli(&o);
    assert_int_equal(exit_code(&r), 3);
    assert_string_equal(r.err, "folders/locked: error: folder ini tidak dapat dibaca\n");
    if (!strstr(r.out, "    \"units\": 2,\n    \"scored\": 1,\n    \"failed\": 1,\n"))
        fail_msg("summary not found in: %.600s", r.out);
    assert_non_null(strstr(r.out, "\"unit\": \"3326-pkm-kajen-1\""));

    memset(&o, 0, sizeof(o));
    o.args = lint;
    o.stdout_fd = -1;
    o.unprivileged = true;
    r = run_cli(&o);
    assert_int_equal(exit_code(&r), 4);
    assert_non_null(strstr(r.err, "folders/locked: error: folder ini tidak dapat dibaca\n"));

    /* diff: the side with the unreadable folder fails (exit 3), and says why. */
    {
        static const char *const diff[] = { "diff", "folders", "folders", NULL };
        memset(&o, 0, sizeof(o));
        o.args = diff;
        o.stdout_fd = -1;
        o.unprivileged = true;
        r = run_cli(&o);
        assert_int_equal(exit_code(&r), 3);
        assert_non_null(strstr(r.err, "folders/locked: folder ini tidak dapat dibaca\n"));
    }
    assert_int_equal(chmod(in_dir("folders/locked"), 0755), 0);
}

/* Symbolic links back to a folder on the path: without loop detection two
 * of them branch into 2^32 walks, and one lists each file 33 times.  Every
 * folder is walked once and every file (by device and inode) scored once,
 * quickly, by score, lint and diff alike. */
static void test_cli__links_back_to_a_folder_on_the_path_list_each_file_once(void **state)
{
    static const char *const score[] = { "score", "-q", "-f", "json", "looped", NULL };
    static const char *const lint[] = { "lint", "looped", NULL };
    static const char *const diff[] = { "diff", "looped", "looped/a/b/c", NULL };
    const char *const *runs[] = { score, lint, diff };
    size_t i;
    (void)state;
    NEED_CLI();
    assert_int_equal(mkdir(in_dir("looped"), 0755), 0);
    assert_int_equal(mkdir(in_dir("looped/deeper"), 0755), 0);
    copy_file(EXAMPLES "/puskesmas-kajen.yaml", in_dir("looped/1.yaml"));
    copy_file(EXAMPLES "/disdukcapil.yaml", in_dir("looped/deeper/2.yaml"));
    assert_int_equal(symlink(".", in_dir("looped/a")), 0);
    assert_int_equal(symlink(".", in_dir("looped/b")), 0);
    assert_int_equal(symlink(".", in_dir("looped/c")), 0);
    assert_int_equal(symlink("..", in_dir("looped/deeper/up")), 0);
    assert_int_equal(symlink("1.yaml", in_dir("looped/one-again.yaml")), 0);
    for (i = 0; i < N_ELEMS(runs); i++) {
        run_opts o;
        run_result r;
        memset(&o, 0, sizeof(o));
        o.args = runs[i];
        o.stdout_fd = -1;
        o.timeout = 3.0;
        r = run_cli(&o);
        assert_int_equal(exit_code(&r), 0);
        if (i == 0 && !strstr(r.out, "    \"units\": 2,\n    \"scored\": 2,\n    \"failed\": 0,\n"))
            fail_msg("score: summary not found in: %.600s", r.out);
        if (i == 1)
            assert_string_equal(r.err, "2 berkas diperiksa: 0 kesalahan, 0 peringatan\n");
        if (i == 2 && strstr(r.out, "3326-pkm-kajen-1") == NULL)
            fail_msg("diff: unit not found in: %.600s", r.out);
    }
}

/* Whether @p s is valid UTF-8 (no cut or stray byte). */
static int valid_utf8(const unsigned char *s)
{
    while (*s) {
        int n = *s < 0x80 ? 0 : (*s & 0xE0) == 0xC0 ? 1 : (*s & 0xF0) == 0xE0 ? 2 : (*s & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0)
            return 0;
        for (s++; n > 0; n--, s++)
            if ((*s & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

/* A message naming a very long path is cut to fit its record, never inside
 * a UTF-8 character: the JSON report stays valid UTF-8. */
static void test_cli__a_long_utf8_path_keeps_the_json_report_valid_utf8(void **state)
{
    char rel[1024] = "", part[300];
    const char *args[] = { "score", "-q", "-f", "json", rel, NULL };
    run_opts o;
    run_result r;
    size_t k;
    (void)state;
    NEED_CLI();
    for (k = 0; k < 120; k++)
        memcpy(part + 2 * k, "\xc3\xa9", 2); /* é */
    part[240] = '\0';
    for (k = 0; k < 3; k++) {
        size_t n = strlen(rel);
        snprintf(rel + n, sizeof(rel) - n, "%sx%s", k ? "/" : "", part);
        assert_int_equal(mkdir(in_dir(rel), 0755), 0);
    }
    memset(&o, 0, sizeof(o));
    o.args = args;
    o.stdout_fd = -1;
    r = run_cli(&o);
    assert_int_equal(exit_code(&r), 3);
    assert_non_null(strstr(r.out, "\"errors\""));
    if (!valid_utf8((const unsigned char *)r.out))
        fail_msg("the JSON report is not valid UTF-8");
    assert_true(valid_utf8((const unsigned char *)r.err));
}

/* Folders are searched 32 levels deep; one below that is reported, not
 * silently left out. */
static void test_cli__a_folder_too_deep_is_reported_not_skipped(void **state)
{
    static const char *const args[] = { "score", "-q", "-f", "json", "deep", NULL };
    char rel[512] = "deep", want[700];
    run_opts o;
    run_result r;
    int k;
    (void)state;
    NEED_CLI();
    assert_int_equal(mkdir(in_dir(rel), 0755), 0);
    for (k = 1; k <= 33; k++) {
        size_t n = strlen(rel);
        snprintf(rel + n, sizeof(rel) - n, "/d%d", k);
        assert_int_equal(mkdir(in_dir(rel), 0755), 0);
        if (k == 32) {
            char unit[560];
            snprintf(unit, sizeof(unit), "%s/u.yaml", rel);
            copy_file(EXAMPLES "/puskesmas-kajen.yaml", in_dir(unit));
        }
    }
    {
        char unit[560];
        snprintf(unit, sizeof(unit), "%s/u.yaml", rel);
        copy_file(EXAMPLES "/disdukcapil.yaml", in_dir(unit));
    }
    memset(&o, 0, sizeof(o));
    o.args = args;
    o.stdout_fd = -1;
    r = run_cli(&o);
    assert_int_equal(exit_code(&r), 3);
    snprintf(want, sizeof(want), "%s: error: folder ini lebih dari 32 tingkat di bawah masukan: "
                                 "isinya tidak dibaca\n", rel);
    assert_string_equal(r.err, want);
    if (!strstr(r.out, "    \"units\": 2,\n    \"scored\": 1,\n    \"failed\": 1,\n"))
        fail_msg("summary not found in: %.600s", r.out);
    assert_non_null(strstr(r.out, "\"unit\": \"3326-pkm-kajen-1\""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_size__a_file_one_byte_over_the_limit_fails_in_both_loaders, release_scratch),
        cmocka_unit_test_teardown(test_size__a_100_mb_scalar_stops_at_the_limit_with_bounded_memory, release_scratch),
        cmocka_unit_test_teardown(test_size__a_sheet_over_the_file_limit_is_streamed, release_scratch),
        cmocka_unit_test_teardown(test_keys__a_mapping_with_200000_keys_ends_quickly, release_scratch),
        cmocka_unit_test_teardown(test_keys__one_key_repeated_200000_times_ends_quickly, release_scratch),
        cmocka_unit_test_teardown(test_keys__a_mapping_past_the_node_limit_stops_at_the_limit, release_scratch),
        cmocka_unit_test_teardown(test_file__broken_files_fail_with_a_located_error, release_scratch),
        cmocka_unit_test_teardown(test_file__random_bytes_are_not_text, release_scratch),
        cmocka_unit_test_teardown(test_file__an_invalid_utf8_sequence_is_located_at_its_first_byte, release_scratch),
        cmocka_unit_test_teardown(test_file__a_blank_line_holding_a_tab_is_still_an_empty_file, release_scratch),
        cmocka_unit_test_teardown(test_file__a_file_cut_in_the_middle_of_a_key_is_located_at_its_end, release_scratch),
        cmocka_unit_test_teardown(test_file__a_utf8_bom_is_skipped, release_scratch),
        cmocka_unit_test_teardown(test_file__crlf_line_ends_load_and_keep_line_numbers, release_scratch),
        cmocka_unit_test_teardown(test_file__a_directory_is_not_a_file, release_scratch),
        cmocka_unit_test_teardown(test_file__a_fifo_with_a_writer_is_read_to_its_end, release_scratch),
        cmocka_unit_test_teardown(test_file__a_fifo_without_a_writer_does_not_hang, release_scratch),
        cmocka_unit_test_teardown(test_file__a_file_without_read_permission_is_an_io_error, release_scratch),
        cmocka_unit_test_teardown(test_numbers__unit_levels_are_rejected_or_read_exactly, release_scratch),
        cmocka_unit_test_teardown(test_numbers__survey_scores_are_rejected_or_read_exactly, release_scratch),
        cmocka_unit_test_teardown(test_numbers__rubric_weights_are_rejected_or_read_exactly, release_scratch),
        cmocka_unit_test_teardown(test_numbers__weights_above_100_are_refused_so_sums_never_overflow, release_scratch),
        cmocka_unit_test_teardown(test_numbers__many_fine_weights_score_exactly, release_scratch),
        cmocka_unit_test_teardown(test_numbers__an_index_past_128_bits_is_refused_not_approximated, release_scratch),
        cmocka_unit_test_teardown(test_cli__stdout_on_a_full_disk_is_an_io_error, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_closed_pipe_ends_the_run_quietly, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_failed_run_leaves_the_previous_output_untouched, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_write_failing_midway_leaves_the_previous_output_untouched, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_successful_run_replaces_the_output_atomically, release_scratch),
        cmocka_unit_test_teardown(test_cli__o_dev_stdout_writes_to_standard_output_in_place, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_signal_while_writing_o_removes_the_temp_file_and_keeps_the_old_output, release_scratch),
        cmocka_unit_test_teardown(test_cli__o_keeps_the_permissions_of_the_file_it_replaces, release_scratch),
        cmocka_unit_test_teardown(test_cli__o_through_a_link_writes_its_target_and_keeps_the_link, release_scratch),
        cmocka_unit_test_teardown(test_cli__the_progress_bar_on_a_terminal_shows_whole_numbers, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_unit_file_with_200000_errors_is_reported_quickly, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_batch_reports_unreadable_and_missing_units_and_scores_the_rest, release_scratch),
        cmocka_unit_test_teardown(test_cli__an_unreadable_folder_is_reported_and_the_rest_still_scored, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_folder_too_deep_is_reported_not_skipped, release_scratch),
        cmocka_unit_test_teardown(test_cli__links_back_to_a_folder_on_the_path_list_each_file_once, release_scratch),
        cmocka_unit_test_teardown(test_cli__a_long_utf8_path_keeps_the_json_report_valid_utf8, release_scratch),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
