/* bare_parse: the baseline for bench/run.sh. Reads each unit file whole into memory and pulls
 * libyaml events until STREAM_END, counting them; nothing else (no tree, no checks, no scoring).
 *
 *   cc -O2 -o bench/bare_parse bench/bare_parse.c $(pkg-config --cflags --libs yaml-0.1)
 *   bench/bare_parse DIR...          folders are searched recursively for .yaml/.yml/.json
 *   bench/bare_parse a.yaml b.yaml   files are parsed as given
 *   find DIR -name '*.yaml' | bench/bare_parse     no arguments: one path per line on stdin
 *
 * Prints "files N events M bytes B" on stdout; a file that cannot be read or parsed is named on
 * stderr, counted as failed, and the exit status is 1.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static unsigned long long n_files, n_events, n_bytes, n_failed;
static char *buf;
static size_t cap;

/* Read the whole file into buf (grown as needed and reused), as the tool does: open + read. */
static int read_whole(const char *path, size_t *len)
{
    struct stat st;
    size_t n = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size + 1 > cap) {
        size_t ncap = (size_t)st.st_size + 1;
        char *nb = realloc(buf, ncap);
        if (!nb) {
            close(fd);
            return -1;
        }
        buf = nb;
        cap = ncap;
    }
    for (;;) {
        ssize_t r;
        if (n + 1 >= cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                close(fd);
                return -1;
            }
            buf = nb;
            cap = ncap;
        }
        r = read(fd, buf + n, cap - 1 - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    *len = n;
    return 0;
}

static void parse_file(const char *path)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    size_t len;
    int done = 0;

    if (read_whole(path, &len) != 0) {
        fprintf(stderr, "bare_parse: %s: %s\n", path, strerror(errno));
        n_failed++;
        return;
    }
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "bare_parse: out of memory\n");
        exit(2);
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    while (!done) {
        if (!yaml_parser_parse(&parser, &ev)) {
            fprintf(stderr, "bare_parse: %s:%lu:%lu: %s\n", path,
                    (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1,
                    parser.problem ? parser.problem : "parse error");
            n_failed++;
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        n_events++;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    n_files++;
    n_bytes += len;
}

static int has_unit_ext(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0 ||
                   strcmp(dot, ".json") == 0);
}

static void walk(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t dl = strlen(dir);

    if (!d) {
        fprintf(stderr, "bare_parse: %s: %s\n", dir, strerror(errno));
        n_failed++;
        return;
    }
    while ((de = readdir(d)) != NULL) {
        size_t nl;
        char *p;
        int is_dir = 0, is_reg = 0;

        if (de->d_name[0] == '.')
            continue;
        nl = strlen(de->d_name);
        p = malloc(dl + nl + 2);
        if (!p) {
            fprintf(stderr, "bare_parse: out of memory\n");
            exit(2);
        }
        memcpy(p, dir, dl);
        p[dl] = '/';
        memcpy(p + dl + 1, de->d_name, nl + 1);
#ifdef DT_DIR
        if (de->d_type == DT_DIR)
            is_dir = 1;
        else if (de->d_type == DT_REG)
            is_reg = 1;
        else
#endif
        {
            struct stat st;
            if (stat(p, &st) == 0) {
                is_dir = S_ISDIR(st.st_mode);
                is_reg = S_ISREG(st.st_mode);
            }
        }
        if (is_dir)
            walk(p);
        else if (is_reg && has_unit_ext(de->d_name))
            parse_file(p);
        free(p);
    }
    closedir(d);
}

static void handle(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        walk(path);
    else
        parse_file(path);
}

int main(int argc, char **argv)
{
    int i;

    if (argc > 1) {
        for (i = 1; i < argc; i++)
            handle(argv[i]);
    } else {
        char *line = NULL;
        size_t lcap = 0;
        ssize_t n;
        while ((n = getline(&line, &lcap, stdin)) > 0) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = '\0';
            if (n > 0)
                handle(line);
        }
        free(line);
    }
    free(buf);
    printf("files %llu events %llu bytes %llu failed %llu\n", n_files, n_events, n_bytes,
           n_failed);
    return n_failed ? 1 : 0;
}
