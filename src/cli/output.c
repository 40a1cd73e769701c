/* Output files written atomically or in place; see output.h. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_msg.h"
#include "exitcode.h"
#include "term.h"

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
        cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), path, strerror(errno));
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
        cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), o->path, strerror(saved));
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
        cli_fail(cli_msg(cli_get_lang(), CM_WRITE_FAILED), path ? path : "-", strerror(saved));
        return CLI_EXIT_IO;
    }
    return cli_out_commit(&o);
}
