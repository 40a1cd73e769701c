/*
 * Blank forms for a rubric (`pekppp template`).
 *
 * The YAML form lists every indicator with its weight, level descriptions and
 * evidence as comments, and the answer left blank: a blank answer counts as
 * not answered, so a half-filled form can already be scored with
 * --allow-incomplete.  The CSV form is the sheet header plus one example row.
 */
#include "pekppp/template.h"
#include "report_internal.h"

#include <string.h>

#include "msg.h"

/* Rubric text inside a comment: line breaks and other C0 controls as
 * spaces (a line break would end the comment and start YAML of the rubric's
 * making), the rest of what a terminal must not see (pk_text_unsafe) as '?'. */
static void comment_text(pekppp_sink *sink, const char *text)
{
    size_t n;
    uint32_t cp;
    for (; text && *text; text += n) {
        n = pk_utf8_next(text, &cp);
        if (cp < 0x20 || cp == 0x7f)
            pekppp_sink_write(sink, " ", 1);
        else if (pk_text_unsafe(cp))
            pekppp_sink_write(sink, "?", 1);
        else
            pekppp_sink_write(sink, text, n);
    }
}

/* A comment line of rubric text. */
static void comment(pekppp_sink *sink, const char *indent, const char *prefix, const char *text)
{
    pekppp_sink_puts(sink, indent);
    pekppp_sink_puts(sink, "# ");
    pekppp_sink_puts(sink, prefix);
    comment_text(sink, text);
    pekppp_sink_puts(sink, "\n");
}

/* The F-03 items as comments, with their scale, the minimum respondents and
 * the survey's weight in the index, so staff can fill the survey in without
 * reading the rubric (issue 14).  Its words, Indonesian and English, are
 * kept here until they move to msg.c. */
static void survey_items_comment(pekppp_sink *sink, const pekppp_rubric *r, pekppp_lang lang)
{
    static const char *const words[4][2] = {
        { "Butir survei F-03: skala", "F-03 survey items: scale" },
        { "minimal", "at least" },
        { "responden; survei", "respondents; the survey is" },
        { "% dari indeks. Lembar responden kosong: pekppp template --respondents",
          "% of the index. A blank respondent sheet: pekppp template --respondents" },
    };
    int en = lang == PEKPPP_LANG_EN;
    char pct[32];
    size_t i;
    pk_dec_format_short(pct, sizeof(pct), r->combine_survey);
    pk_sink_printf(sink, "# %s %d-%d, %s %ld %s %s%s\n", words[0][en], r->scale_min, r->scale_max,
                   words[1][en], r->min_respondents, words[2][en], pct, words[3][en]);
    for (i = 0; i < r->nsurvey_items; i++) {
        pk_sink_printf(sink, "#   %s  ", r->survey_items[i].id);
        comment_text(sink, r->survey_items[i].text);
        pekppp_sink_puts(sink, "\n");
    }
}

static void yaml_form(pekppp_sink *sink, const pekppp_rubric *r, pekppp_lang lang)
{
    size_t a, i, k;
    char w[32], buf[160];
    pk_sink_printf(sink, "# %s: %s (%s ", pk_msg(lang, M_T_FORM), r->id, pk_msg(lang, M_VERSION));
    comment_text(sink, r->version);
    pekppp_sink_puts(sink, ")\n");
    if (r->title)
        comment(sink, "", "", r->title);
    pk_sink_printf(sink, "# %s %d-%d%s\n",
                   pk_msg(lang, M_T_ANSWER_WITH),
                   r->scale_min, r->scale_max,
                   pk_msg(lang, M_T_BLANK));
    pekppp_sink_puts(sink, "schema: pekppp/assessment/v1\nrubric: ");
    pekppp_sink_puts(sink, r->id);
    pk_sink_printf(sink, "\nunit:\n  id:            # %s\n  name:          # %s\n"
                         "  institution:\n  category:\n  mode: mandiri  # mandiri | nasional\n"
                         "period:          # %s\nassessor:\nanswers:\n",
                   pk_msg(lang, M_T_REQ_ID),
                   pk_msg(lang, M_T_REQ_NAME),
                   pk_msg(lang, M_T_REQ_PERIOD));
    for (a = 0; a < r->naspects; a++) {
        const pekppp_aspect *asp = &r->aspects[a];
        pk_dec_format_short(w, sizeof(w), asp->weight);
        pekppp_sink_puts(sink, "\n  # ");
        if (asp->code) {
            comment_text(sink, asp->code);
            pekppp_sink_puts(sink, ". ");
        }
        comment_text(sink, asp->name);
        pk_sink_printf(sink, " (%s %s%%)\n", pk_msg(lang, M_WEIGHT_OF), w);
        for (i = asp->first; i < asp->first + asp->count; i++) {
            const pekppp_indicator *ind = &r->indicators[i];
            pk_dec_format_short(w, sizeof(w), ind->weight);
            pk_sink_printf(sink, "  # %s: ", ind->id);
            comment_text(sink, ind->name);
            pk_sink_printf(sink, " (%s %s%%)\n", pk_msg(lang, M_WEIGHT_OF), w);
            for (k = 0; k < PK_NLEVELS(r); k++) {
                snprintf(buf, sizeof(buf), "  %d = ", r->scale_min + (int)k);
                comment(sink, "  ", buf, ind->levels[k]);
            }
            for (k = 0; k < ind->evidence_count; k++)
                comment(sink, "  ", pk_msg(lang, M_T_EVIDENCE), ind->evidence[k]);
            if (ind->na_allowed)
                comment(sink, "  ", "  ", pk_msg(lang, M_T_NA));
            pk_sink_printf(sink, "  \"%s\":\n", ind->id);
        }
    }
    for (i = 0; i < r->nsupplements; i++) {
        const pekppp_supplement *sp = &r->supplements[i];
        pk_sink_printf(sink, "\n  # %s: ", sp->id);
        comment_text(sink, sp->name);
        pk_sink_printf(sink, " (%s)\n", pk_msg(lang, M_SUPPLEMENTARY));
        for (k = 0; k < PK_NLEVELS(r); k++) {
            snprintf(buf, sizeof(buf), "  %d = ", r->scale_min + (int)k);
            comment(sink, "  ", buf, sp->levels[k]);
        }
        pk_sink_printf(sink, "  \"%s\":\n", sp->id);
    }
    if (r->combines_survey) {
        pk_sink_printf(sink, "\n# %s\n#survey:\n#  score: 4.25\n#  respondents: %ld\n",
                       pk_msg(lang, M_T_SURVEY),
                       r->min_respondents);
        pk_sink_printf(sink, "# %s\n#  responses:\n#    - {",
                       pk_msg(lang, M_T_RESPONSES));
        for (i = 0; i < r->nsurvey_items && i < 3; i++)
            pk_sink_printf(sink, "%s%s: %d", i ? ", " : "", r->survey_items[i].id, r->scale_max);
        pekppp_sink_puts(sink, r->nsurvey_items > 3 ? ", ...}\n" : "}\n");
        survey_items_comment(sink, r, lang);
    }
}

static void csv_form(pekppp_sink *sink, const pekppp_rubric *r, pekppp_csv_dialect dialect)
{
    const char *d = dialect == PEKPPP_CSV_ID ? ";" : ",";
    size_t i;
    char score[16];
    pk_sink_printf(sink, "unit_id%sunit_name%sinstitution%scategory%smode%speriod", d, d, d, d, d);
    for (i = 0; i < r->nindicators; i++)
        pk_sink_printf(sink, "%s%s", d, r->indicators[i].id);
    for (i = 0; i < r->nsupplements; i++)
        pk_sink_printf(sink, "%s%s", d, r->supplements[i].id);
    if (r->combines_survey)
        pk_sink_printf(sink, "%ssurvey_score%ssurvey_respondents", d, d);
    pk_sink_printf(sink, "\r\ncontoh-001%sContoh Unit%sPemerintah Kabupaten Contoh%spuskesmas%s"
                         "mandiri%s2025",
                   d, d, d, d, d);
    for (i = 0; i < r->nindicators + r->nsupplements; i++)
        pk_sink_printf(sink, "%s%d", d, r->scale_min + (r->scale_max - r->scale_min) / 2);
    snprintf(score, sizeof(score), dialect == PEKPPP_CSV_ID ? "4,25" : "4.25");
    if (r->combines_survey)
        pk_sink_printf(sink, "%s%s%s%ld", d, score, d, r->min_respondents);
    pekppp_sink_puts(sink, "\r\n");
}

int pekppp_template_write(pekppp_sink *sink, const pekppp_rubric *r, pekppp_report_format format,
                          const pekppp_report_options *opts)
{
    pekppp_report_options local;
    if (!(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    if (format == PEKPPP_FORMAT_TEXT)
        yaml_form(sink, r, opts->lang);
    else if (format == PEKPPP_FORMAT_CSV)
        csv_form(sink, r, opts->csv_dialect);
    else
        return PEKPPP_EINVALID;
    pekppp_sink_flush(sink);
    return sink->error;
}
