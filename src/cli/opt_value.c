/* Option values shared by the commands; see opt_value.h. */
#include "opt_value.h"

#include <stdio.h>
#include <string.h>

#include "cli_msg.h"
#include "exitcode.h"
#include "term.h"

int cli_opt_format(const char *v, const char *formats, pekppp_report_format *out, int lang,
                   const char *cmd)
{
    static const struct {
        const char *name;
        pekppp_report_format format;
    } known[] = { { "text", PEKPPP_FORMAT_TEXT }, { "yaml", PEKPPP_FORMAT_TEXT },
                  { "json", PEKPPP_FORMAT_JSON }, { "csv", PEKPPP_FORMAT_CSV },
                  { "md", PEKPPP_FORMAT_MD }, { "html", PEKPPP_FORMAT_HTML },
                  { "xlsx", PEKPPP_FORMAT_XLSX } };
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
    return cli_usage(lang, cmd, cli_msg(lang, CM_BAD_DIALECT));
}

int cli_parse_threshold(const pekppp_rubric *r, const char *s, pekppp_fixed *out)
{
    size_t i;
    int64_t whole = 0, frac = 0, scale = 1000;
    int decimals = 0;
    const char *p = s;
    for (i = 0; i < pekppp_rubric_band_count(r); i++) {
        const pekppp_band *b = pekppp_rubric_band(r, i);
        if (strcmp(b->grade, s) == 0) {
            *out = b->min;
            return 0;
        }
    }
    if (*p < '0' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((whole = whole * 10 + (*p - '0')) > 1000000)
            return -1;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return -1;
        for (; *p >= '0' && *p <= '9'; p++, scale /= 10) {
            if (scale == 0)
                return -1;
            frac += (*p - '0') * scale;
        }
        decimals = 4;
    }
    if (*p)
        return -1;
    out->units = decimals ? whole * 10000 + frac : whole;
    out->decimals = decimals;
    return pekppp_fixed_compare(*out, (pekppp_fixed){ pekppp_rubric_scale_max(r), 0 }) > 0 ? -2 : 0;
}

int cli_read_threshold(const pekppp_rubric *r, const char *opt, const char *s, pekppp_fixed *out,
                       int lang)
{
    int rc = cli_parse_threshold(r, s, out);
    if (rc == -1)
        cli_fail(cli_msg(lang, CM_BAD_FAIL_UNDER), opt, s);
    else if (rc == -2)
        cli_fail(cli_msg(lang, CM_FAIL_UNDER_ABOVE_SCALE), opt, s, pekppp_rubric_id(r),
                 pekppp_rubric_scale_min(r), pekppp_rubric_scale_max(r));
    return rc < 0 ? CLI_EXIT_USAGE : 0;
}
