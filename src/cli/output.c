/* Output files written atomically or in place; see output.h.
 *
 * While a temporary file exists, SIGINT, SIGTERM and SIGHUP remove it before
 * the process dies as it would have: the handler only unlinks a path kept in
 * a static buffer and re-raises the signal with the default action, both
 * async-signal-safe.  The signals are blocked while the path is set or
 * cleared, so the handler never sees half a path, nor a name already renamed
 * onto the target. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_msg.h"
#include "exitcode.h"
#include "term.h"

static const int caught[] = { SIGINT, SIGTERM, SIGHUP };
#define NCAUGHT (sizeof(caught) / sizeof(caught[0]))

/* The temporary file to remove on a signal ("" when none), and the actions
 * the handlers replaced. */
static char pending_tmp[sizeof(((cli_out *)0)->tmp)];
static volatile sig_atomic_t pending_set;
static struct sigaction previous[NCAUGHT];

static void on_signal(int sig)
{
    struct sigaction dfl;
    if (pending_set)
        (void)unlink(pending_tmp);
    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    (void)sigaction(sig, &dfl, NULL);
    /* Blocked until this handler returns, then delivered with the default
     * action: the process ends by the signal, as the caller expects. */
    (void)raise(sig);
}

static void block_caught(sigset_t *old)
{
    sigset_t set;
    size_t i;
    sigemptyset(&set);
    for (i = 0; i < NCAUGHT; i++)
        sigaddset(&set, caught[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

/* Remember @p tmp for the handlers and install them (a signal that is
 * ignored, say under nohup, stays ignored).  Called with the signals blocked. */
static void guard_tmp(const char *tmp)
{
    struct sigaction sa;
    size_t i;
    memcpy(pending_tmp, tmp, sizeof(pending_tmp));
    pending_tmp[sizeof(pending_tmp) - 1] = '\0';
    pending_set = 1;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < NCAUGHT; i++) {
        if (sigaction(caught[i], NULL, &previous[i]) != 0 || previous[i].sa_handler == SIG_IGN)
            continue;
        (void)sigaction(caught[i], &sa, NULL);
    }
}

/* Forget the temporary file (renamed or removed) and put the previous
 * actions back.  Called with the signals blocked. */
static void unguard_tmp(void)
{
    size_t i;
    if (!pending_set)
        return;
    pending_set = 0;
    pending_tmp[0] = '\0';
    for (i = 0; i < NCAUGHT; i++)
        if (previous[i].sa_handler != SIG_IGN)
            (void)sigaction(caught[i], &previous[i], NULL);
}

/* Create the temporary file for @p o (o->tmp holds the template) with the
 * handlers guarding it from its first moment; the descriptor or -1. */
static int make_tmp(cli_out *o)
{
    sigset_t old;
    int fd;
    block_caught(&old);
    fd = mkstemp(o->tmp);
    if (fd >= 0)
        guard_tmp(o->tmp);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return fd;
}

/* Rename the temporary file onto @p target (when @p target is not NULL) or
 * remove it, and drop the guard in the same breath; 0 or an errno. */
static int settle_tmp(cli_out *o, const char *target)
{
    sigset_t old;
    int saved = 0;
    block_caught(&old);
    if (target && rename(o->tmp, target) != 0)
        saved = errno;
    if (!target || saved)
        (void)unlink(o->tmp);
    unguard_tmp();
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    o->tmp[0] = '\0';
    return saved;
}

char *cli_out_target(const char *path)
{
    char *cur = strdup(path);
    int hops;
    for (hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        char link[CLI_PATH_MAX], *next;
        const char *slash;
        ssize_t n;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur; /* a file, or nothing yet: the end of the chain */
        if ((n = readlink(cur, link, sizeof(link) - 1)) < 0)
            break;
        link[n] = '\0';
        slash = strrchr(cur, '/');
        /* A relative link is read from the folder the link is in. */
        if (link[0] == '/' || !slash) {
            next = strdup(link);
        } else if ((next = malloc((size_t)(slash - cur) + 2 + (size_t)n)) != NULL) {
            memcpy(next, cur, (size_t)(slash - cur) + 1);
            memcpy(next + (slash - cur) + 1, link, (size_t)n + 1);
        }
        free(cur);
        cur = next;
    }
    free(cur);
    return NULL;
}

int cli_out_open(cli_out *o, const char *path)
{
    struct stat st;
    const char *slash;
    int fd;
    memset(o, 0, sizeof(*o));
    o->path = path;
    o->spool = -1;
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
                cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), path, strerror(errno));
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
            cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), path, strerror(errno));
            return CLI_EXIT_IO;
        }
        o->in_place = 1;
        return 0;
    }
    /* A symbolic link: replace the file it points to, or create it when the
     * link dangles, and keep the link. */
    {
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
            if (!(o->real = cli_out_target(path))) {
                cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), path, strerror(ELOOP));
                return CLI_EXIT_IO;
            }
            path = o->real;
        }
    }
    /* The file replaced keeps its permissions (a 0600 report stays private);
     * the owner is whoever writes it. */
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        o->keep_mode = 1;
        o->mode = st.st_mode & 0777; /* never set-id bits on a new file */
    }
    slash = strrchr(path, '/');
    if (slash)
        snprintf(o->tmp, sizeof(o->tmp), "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
    else
        snprintf(o->tmp, sizeof(o->tmp), ".%s.XXXXXX", path);
    fd = make_tmp(o);
    if (fd < 0 || !(o->file = fdopen(fd, "wb"))) {
        cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            (void)settle_tmp(o, NULL);
        }
        o->tmp[0] = '\0';
        free(o->real);
        o->real = NULL;
        return CLI_EXIT_IO;
    }
    return 0;
}

/* Copy the spooled file onto the output and remove it; 0 or an errno. */
static int copy_spool(cli_out *o)
{
    char buf[65536];
    ssize_t n;
    int saved = 0;
    if (lseek(o->spool, 0, SEEK_SET) != 0)
        saved = errno;
    while (!saved && (n = read(o->spool, buf, sizeof(buf))) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            saved = errno;
        } else if (fwrite(buf, 1, (size_t)n, o->file) != (size_t)n) {
            saved = errno ? errno : EIO;
        }
    }
    close(o->spool);
    o->spool = -1;
    (void)settle_tmp(o, NULL);
    return saved;
}

int cli_out_open_named(cli_out *o, const char *path, const char **name)
{
    const char *dir = getenv("TMPDIR");
    int rc = cli_out_open(o, path);
    *name = NULL;
    if (rc != 0)
        return rc;
    if (o->tmp[0]) {
        *name = o->tmp; /* libxlsxwriter truncates and writes the file mkstemp made */
        return 0;
    }
    snprintf(o->tmp, sizeof(o->tmp), "%s/pekppp-out.XXXXXX", dir && *dir ? dir : "/tmp");
    if ((o->spool = make_tmp(o)) < 0) {
        cli_fail(cli_msg(cli_get_lang(), CM_TEMP_FAILED), strerror(errno));
        o->tmp[0] = '\0';
        cli_out_abort(o);
        return CLI_EXIT_IO;
    }
    *name = o->tmp;
    return 0;
}

int cli_out_refuse_tty(const char *path, int lang, const char *cmd)
{
    struct stat st;
    int tty = 0;
    if (!path || strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0 ||
        strcmp(path, "/dev/fd/1") == 0 || strcmp(path, "/proc/self/fd/1") == 0) {
        tty = isatty(1);
    } else if (stat(path, &st) == 0 && S_ISCHR(st.st_mode)) {
        int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK);
        if (fd >= 0) {
            tty = isatty(fd);
            close(fd);
        }
    }
    return tty ? cli_usage(lang, cmd, cli_msg(lang, CM_XLSX_TTY)) : 0;
}

int cli_out_commit(cli_out *o)
{
    int saved = 0;
    mode_t mask;
    if (o->spool >= 0 && (saved = copy_spool(o)) != 0) {
        cli_out_abort(o);
        cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), o->path ? o->path : "-", strerror(saved));
        return CLI_EXIT_IO;
    }
    if (o->file == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            cli_fail(cli_msg(cli_get_lang(), CM_WRITE_STDOUT), strerror(errno));
            return CLI_EXIT_IO;
        }
        return 0;
    }
    if (o->in_place) {
        if (fclose(o->file) != 0) {
            o->file = NULL;
            cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), o->path, strerror(errno));
            return CLI_EXIT_IO;
        }
        o->file = NULL;
        return 0;
    }
    if (o->keep_mode) {
        mask = 0;
    } else {
        mask = umask(0);
        umask(mask);
    }
    if (fflush(o->file) != 0 || ferror(o->file) ||
        fchmod(fileno(o->file), o->keep_mode ? o->mode : 0666 & ~mask) != 0 ||
        fsync(fileno(o->file)) != 0)
        saved = errno ? errno : EIO;
    if (fclose(o->file) != 0 && !saved)
        saved = errno;
    o->file = NULL;
    if (saved)
        (void)settle_tmp(o, NULL);
    else
        saved = settle_tmp(o, o->real ? o->real : o->path);
    free(o->real);
    o->real = NULL;
    if (saved) {
        cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), o->path, strerror(saved));
        return CLI_EXIT_IO;
    }
    return 0;
}

void cli_out_abort(cli_out *o)
{
    if (o->spool >= 0)
        close(o->spool);
    o->spool = -1;
    if (o->file && o->file != stdout)
        fclose(o->file);
    o->file = NULL;
    if (o->tmp[0])
        (void)settle_tmp(o, NULL);
    free(o->real);
    o->real = NULL;
}

/* Whether files @p a and @p b are the same (by device and inode, or by path). */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return 1;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int cli_out_check(const char *output, const cli_items *items, const char *const *files,
                  size_t nfiles, int lang, const char *cmd)
{
    char msg[CLI_PATH_MAX + 512], dir[CLI_PATH_MAX], *real = NULL;
    const char *where, *base, *slash, *folder;
    struct stat st;
    size_t i;
    int len;
    if (!output || strcmp(output, "-") == 0)
        return 0;
    for (i = 0; i < nfiles; i++)
        if (files[i] && same_file(output, files[i]))
            goto is_input;
    if (items && cli_items_has_file(items, output))
        goto is_input;
    if (!items || (stat(output, &st) == 0 && !S_ISREG(st.st_mode)))
        return 0;
    /* Where the file will be: through a link, where the link points. */
    where = (real = cli_out_target(output)) ? real : output;
    slash = strrchr(where, '/');
    base = slash ? slash + 1 : where;
    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - where) + 1 : 1, slash ? where : ".");
    folder = cli_is_unit_name(base) ? cli_items_walked_folder(items, dir, &len) : NULL;
    free(real);
    if (!folder)
        return 0;
    snprintf(msg, sizeof(msg), cli_msg(lang, CM_OUT_IN_INPUT_FOLDER), output, len, folder);
    return cli_usage(lang, cmd, msg);
is_input:
    snprintf(msg, sizeof(msg), cli_msg(lang, CM_OUT_IS_INPUT), output);
    return cli_usage(lang, cmd, msg);
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
        cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), path ? path : "-", strerror(saved));
        return CLI_EXIT_IO;
    }
    return cli_out_commit(&o);
}
