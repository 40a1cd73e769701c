/*
 * Replay driver: runs a fuzz harness without libFuzzer.
 *
 * Every argument is a file, or a directory whose files (recursively, in name
 * order, dot-files skipped) are each passed to LLVMFuzzerTestOneInput once.
 * Each input gets a heap buffer of exactly its size, so the sanitizers see a
 * read past its end.  Prints "replayed N inputs" and exits 0; a crash or a
 * sanitizer report ends the process by itself.  A path that cannot be read is
 * an error (exit 1): a replay that silently skips its corpus proves nothing.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long replayed;

static int replay_file(const char *path, const struct stat *st)
{
    FILE *f = fopen(path, "rb");
    size_t size = (size_t)st->st_size, got;
    uint8_t *buf;
    if (!f) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    buf = malloc(size ? size : 1);
    if (!buf) {
        fclose(f);
        fprintf(stderr, "%s: out of memory\n", path);
        return -1;
    }
    got = size ? fread(buf, 1, size, f) : 0;
    if (got != size || ferror(f)) {
        fprintf(stderr, "%s: short read\n", path);
        free(buf);
        fclose(f);
        return -1;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(buf, size);
    free(buf);
    replayed++;
    return 0;
}

static int skip_dots(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

static int replay_path(const char *path)
{
    struct stat st;
    struct dirent **names;
    int n, i, error = 0;

    if (stat(path, &st) != 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    if (S_ISREG(st.st_mode))
        return replay_file(path, &st);
    if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: not a file or a directory\n", path);
        return -1;
    }
    n = scandir(path, &names, skip_dots, alphasort);
    if (n < 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    for (i = 0; i < n; i++) {
        size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
        char *child = malloc(len);
        if (!child) {
            fprintf(stderr, "%s: out of memory\n", path);
            error = -1;
        } else {
            snprintf(child, len, "%s/%s", path, names[i]->d_name);
            if (error == 0 && replay_path(child) != 0)
                error = -1;
            free(child);
        }
        free(names[i]);
    }
    free(names);
    return error;
}

int main(int argc, char **argv)
{
    int i, error = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc; i++)
        if (replay_path(argv[i]) != 0)
            error = 1;
    printf("replayed %lu inputs\n", replayed);
    return error;
}
