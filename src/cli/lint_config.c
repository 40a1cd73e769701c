/* The rules lint leaves out; see lint_config.h. */
#include "lint_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_msg.h"
#include "exitcode.h"
#include "pekppp.h"
#include "term.h"

#define CONFIG_MAX_BYTES (1024 * 1024)

/* Edit distance of @p a and @p b (each cut to 63 bytes): two rows of the
 * Levenshtein table. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t row[64], next[64], la = strlen(a), lb = strlen(b), i, j;
    if (la > 63)
        la = 63;
    if (lb > 63)
        lb = 63;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        next[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t best = row[j - 1] + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (next[j - 1] + 1 < best)
                best = next[j - 1] + 1;
            next[j] = best;
        }
        memcpy(row, next, (lb + 1) * sizeof(*row));
    }
    return row[lb];
}

/* The rule id nearest to @p id: one it ends (".provisional" for
 * "provisional"), else the closest by edit distance when that is at most a
 * quarter of the id (1 at least, and less than the whole id); NULL when none
 * is close. */
static const char *nearest_rule(const char *id)
{
    size_t i, n = strlen(id), best = (size_t)-1;
    const char *found = NULL;
    for (i = 0; i < pekppp_rule_count(); i++) {
        const char *r = pekppp_rule_id(i);
        size_t rl = strlen(r), d;
        if (n > 0 && rl > n && r[rl - n - 1] == '.' && strcmp(r + rl - n, id) == 0)
            return r;
        d = edit_distance(id, r);
        if (d < best) {
            best = d;
            found = r;
        }
    }
    return best < n && best <= (n / 4 > 1 ? n / 4 : 1) ? found : NULL;
}

/* Turn off rule @p id (@p len bytes); 0, or -1 when no rule has that id
 * (then @p msg, @p size bytes, says so). */
static int disable_one(unsigned char *off, const char *id, size_t len, int lang, char *msg,
                       size_t size)
{
    char name[64];
    const char *near;
    size_t i;
    if (len >= sizeof(name))
        len = sizeof(name) - 1;
    memcpy(name, id, len);
    name[len] = '\0';
    for (i = 0; i < pekppp_rule_count(); i++)
        if (strcmp(pekppp_rule_id(i), name) == 0) {
            off[i] = 1;
            return 0;
        }
    snprintf(msg, size, cli_msg(lang, CM_LINT_UNKNOWN_RULE), name);
    if ((near = nearest_rule(name)) != NULL) {
        size_t used = strlen(msg);
        snprintf(msg + used, size - used, cli_msg(lang, CM_LINT_DID_YOU_MEAN), near);
    }
    return -1;
}

int lint_disable_list(unsigned char *off, const char *list, int lang)
{
    char msg[256];
    while (*list) {
        size_t len = strcspn(list, ",");
        if (len > 0 && disable_one(off, list, len, lang, msg, sizeof(msg)) < 0)
            return cli_usage(lang, "lint", msg);
        list += len;
        if (*list == ',')
            list++;
    }
    return 0;
}

/* Reading one config file. */
typedef struct {
    const char *file;
    unsigned line;
    int lang;
    unsigned char *off;
    int in_list; /* after a `disable:` with nothing on its line */
} config;

/* A usage error at column @p col of the current line. */
static int config_error(const config *c, size_t col, const char *msg)
{
    char full[1024];
    snprintf(full, sizeof(full), "%s:%u:%zu: %s", c->file, c->line, col, msg);
    return cli_usage(c->lang, "lint", full);
}

/* Cut a comment (a '#' at the start or after a blank, outside quotes) and
 * the trailing blanks off line @p s. */
static void strip_line(char *s)
{
    char quote = 0, *p, *end;
    for (p = s; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '#' && (p == s || p[-1] == ' ' || p[-1] == '\t')) {
            *p = '\0';
            break;
        }
    }
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        *--end = '\0';
}

/* One rule id at @p p in line @p s, plain or quoted, ending at @p stops or
 * the end of the line; turns the rule off.  Sets @p *after past the id.
 * 0, or the exit code of the usage error. */
static int config_rule(config *c, const char *s, const char *p, const char *stops,
                       const char **after)
{
    const char *start = p, *end;
    char msg[256];
    if (*p == '"' || *p == '\'') {
        const char *close = strchr(p + 1, *p);
        if (!close)
            return config_error(c, (size_t)(p - s) + 1, cli_msg(c->lang, CM_LINT_CONFIG_SYNTAX));
        start = p + 1;
        end = close;
        *after = close + 1;
    } else {
        end = p + strcspn(p, stops);
        while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        *after = end;
    }
    if (end == start)
        return config_error(c, (size_t)(p - s) + 1, cli_msg(c->lang, CM_LINT_CONFIG_SYNTAX));
    if (disable_one(c->off, start, (size_t)(end - start), c->lang, msg, sizeof(msg)) < 0)
        return config_error(c, (size_t)(p - s) + 1, msg);
    return 0;
}

/* `[id, id, ...]` at @p p, closed on the same line. */
static int config_flow_list(config *c, const char *s, const char *p)
{
    int rc;
    p++;
    for (;;) {
        p += strspn(p, " \t");
        if (*p == ']' && p[1 + strspn(p + 1, " \t")] == '\0')
            return 0;
        if ((rc = config_rule(c, s, p, ",]", &p)) != 0)
            return rc;
        p += strspn(p, " \t");
        if (*p == ',')
            p++;
        else if (*p != ']')
            return config_error(c, (size_t)(p - s) + 1, cli_msg(c->lang, CM_LINT_CONFIG_SYNTAX));
    }
}

/* One line of the file, without its line end. */
static int config_line(config *c, char *s)
{
    const char *p = s;
    char msg[256];
    strip_line(s);
    if (c->line == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a UTF-8 BOM */
    if (*p == '\0')
        return 0;
    /* A list item, indented or not (YAML allows both under a key). */
    if (*p == ' ' || *p == '\t' || (*p == '-' && c->in_list)) {
        p += strspn(p, " \t");
        if (!c->in_list || *p != '-' || (p[1] != ' ' && p[1] != '\0'))
            return config_error(c, (size_t)(p - s) + 1, cli_msg(c->lang, CM_LINT_CONFIG_SYNTAX));
        p += 1 + strspn(p + 1, " \t");
        return config_rule(c, s, p, "", &p);
    }
    if (strncmp(p, "disable:", 8) != 0) {
        size_t key = strcspn(p, ":");
        snprintf(msg, sizeof(msg), cli_msg(c->lang, CM_LINT_CONFIG_KEY), (int)key, p);
        return config_error(c, (size_t)(p - s) + 1, msg);
    }
    p += 8;
    p += strspn(p, " \t");
    c->in_list = *p == '\0';
    if (*p == '[')
        return config_flow_list(c, s, p);
    if (*p != '\0')
        return config_error(c, (size_t)(p - s) + 1, cli_msg(c->lang, CM_LINT_CONFIG_SYNTAX));
    return 0;
}

int lint_config_read(unsigned char *off, const char *path, int lang)
{
    config c;
    FILE *f;
    char *data = NULL, *line;
    size_t len;
    int rc = 0;
    if (!(f = fopen(path ? path : LINT_CONFIG_DEFAULT, "rb"))) {
        if (!path && errno == ENOENT)
            return 0;
        cli_fail(cli_msg(lang, CM_LINT_CONFIG_UNREADABLE), path ? path : LINT_CONFIG_DEFAULT,
                 strerror(errno));
        return CLI_EXIT_IO;
    }
    if (!(data = malloc(CONFIG_MAX_BYTES + 1))) {
        fclose(f);
        return CLI_EXIT_INTERNAL;
    }
    len = fread(data, 1, CONFIG_MAX_BYTES + 1, f);
    if (ferror(f) || len > CONFIG_MAX_BYTES || memchr(data, '\0', len)) {
        cli_fail(cli_msg(lang, CM_LINT_CONFIG_UNREADABLE), path ? path : LINT_CONFIG_DEFAULT,
                 ferror(f) ? strerror(errno) : cli_msg(lang, CM_LINT_CONFIG_NOT_TEXT));
        rc = CLI_EXIT_IO;
        goto done;
    }
    data[len] = '\0';
    memset(&c, 0, sizeof(c));
    c.file = path ? path : LINT_CONFIG_DEFAULT;
    c.lang = lang;
    c.off = off;
    for (line = data; rc == 0 && line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        c.line++;
        rc = config_line(&c, line);
        line = nl ? nl + 1 : NULL;
    }
done:
    free(data);
    fclose(f);
    return rc;
}
