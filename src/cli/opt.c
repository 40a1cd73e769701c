/* The option parser; see opt.h.  Accepts -x VALUE, -xVALUE, --name VALUE,
 * --name=VALUE, "--" to end options, and "-" as a positional argument. */
#include "opt.h"

#include <string.h>

#include "cli_msg.h"
#include "term.h"

void cli_opt_init(cli_opt_state *st, int argc, char **argv)
{
    memset(st, 0, sizeof(*st));
    st->argc = argc;
    st->argv = argv;
    st->i = 1;
}

static const cli_opt *find_long(const cli_opt *specs, const char *name, size_t len)
{
    for (; specs->id; specs++)
        if (specs->long_name && strlen(specs->long_name) == len &&
            memcmp(specs->long_name, name, len) == 0)
            return specs;
    return NULL;
}

static const cli_opt *find_short(const cli_opt *specs, char c)
{
    for (; specs->id; specs++)
        if (specs->short_name == c)
            return specs;
    return NULL;
}

int cli_opt_next(cli_opt_state *st, const cli_opt *specs, const char **value)
{
    const char *a;
    const cli_opt *o;
    *value = NULL;
    if (st->i >= st->argc)
        return CLI_OPT_END;
    a = st->argv[st->i++];
    if (st->only_positional || a[0] != '-' || a[1] == '\0') {
        *value = a;
        return CLI_OPT_POSITIONAL;
    }
    if (strcmp(a, "--") == 0) {
        st->only_positional = 1;
        return cli_opt_next(st, specs, value);
    }
    if (a[1] == '-') {
        const char *eq = strchr(a + 2, '=');
        size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
        o = find_long(specs, a + 2, len);
        if (!o) {
            snprintf(st->error, sizeof(st->error), cli_msg(cli_get_lang(), CM_OPT_UNKNOWN_LONG),
                     (int)len + 2, a);
            return CLI_OPT_ERROR;
        }
        if (!o->arg) {
            if (eq) {
                snprintf(st->error, sizeof(st->error), cli_msg(cli_get_lang(), CM_OPT_NO_VALUE_LONG),
                         o->long_name);
                return CLI_OPT_ERROR;
            }
            return o->id;
        }
        if (eq) {
            *value = eq + 1;
            return o->id;
        }
    } else {
        o = find_short(specs, a[1]);
        if (!o) {
            snprintf(st->error, sizeof(st->error), cli_msg(cli_get_lang(), CM_OPT_UNKNOWN_SHORT),
                     a[1]);
            return CLI_OPT_ERROR;
        }
        if (!o->arg) {
            if (a[2]) {
                snprintf(st->error, sizeof(st->error), cli_msg(cli_get_lang(), CM_OPT_NO_VALUE_SHORT),
                         a[1]);
                return CLI_OPT_ERROR;
            }
            return o->id;
        }
        if (a[2]) {
            *value = a + 2;
            return o->id;
        }
    }
    if (st->i >= st->argc) {
        snprintf(st->error, sizeof(st->error), cli_msg(cli_get_lang(), CM_OPT_NEEDS_VALUE), a,
                 o->arg);
        return CLI_OPT_ERROR;
    }
    *value = st->argv[st->i++];
    return o->id;
}

void cli_opt_help(FILE *out, const cli_opt *specs, int lang)
{
    for (; specs->id; specs++) {
        char left[64];
        if (specs->short_name && specs->long_name)
            snprintf(left, sizeof(left), "-%c, --%s%s%s", specs->short_name, specs->long_name,
                     specs->arg ? " " : "", specs->arg ? specs->arg : "");
        else
            snprintf(left, sizeof(left), "    --%s%s%s", specs->long_name,
                     specs->arg ? " " : "", specs->arg ? specs->arg : "");
        cli_term_printf(out, "  %-28s %s\n", left, specs->help[lang ? 1 : 0]);
    }
}
