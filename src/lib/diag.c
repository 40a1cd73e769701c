/* Problem collection; see diag.h. */
#include "diag.h"
#include "diag_msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pekppp_error_clear(pekppp_error *err)
{
    if (err)
        memset(err, 0, sizeof(*err));
}

const char *pekppp_error_message(const pekppp_error *err, pekppp_lang lang)
{
    return lang == PEKPPP_LANG_ID && err->message_id[0] ? err->message_id : err->message;
}

void pk_report_init(pk_report *r, const char *file, pekppp_diag_cb cb, void *payload,
                    pekppp_error *err)
{
    memset(r, 0, sizeof(*r));
    r->file = file ? file : "";
    r->cb = cb;
    r->payload = payload;
    r->err = err;
}

/* A text cut to fit may end inside a UTF-8 character: drop that part, so
 * every message stays valid UTF-8. */
static void trim_utf8(char *s)
{
    size_t n = strlen(s), lead = n, need;
    unsigned char c;
    while (lead > 0 && n - lead < 4 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    c = (unsigned char)s[lead - 1];
    need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n - (lead - 1) < need)
        s[lead - 1] = '\0';
}

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    trim_utf8(dst);
}

void pekppp_error_set_message(pekppp_error *err, const char *en, const char *id)
{
    copy_str(err->message, sizeof(err->message), en ? en : "");
    copy_str(err->message_id, sizeof(err->message_id), id ? id : "");
}

void pekppp_error_set_file(pekppp_error *err, const char *file)
{
    copy_str(err->file, sizeof(err->file), file ? file : "");
}

/* The checks, with stable ids (SARIF rule ids, docs/lint-rules.md). */
static const struct {
    const char *id, *text;
} rules[] = {
    { "yaml.syntax", "The text is not well-formed YAML, JSON or CSV." },
    { "yaml.encoding", "The file is not UTF-8 text (binary, UTF-16, invalid bytes, NUL)." },
    { "yaml.empty", "The file is empty or holds only blanks." },
    { "yaml.multiple-documents", "A file holds exactly one YAML document." },
    { "yaml.duplicate-key", "A key appears twice in one mapping." },
    { "yaml.key-type", "Mapping keys must be plain text." },
    { "yaml.alias", "An alias names no earlier complete anchor." },
    { "yaml.tag", "A YAML tag other than !!str." },
    { "limit", "A safety limit (size, depth, nodes, aliases, items) was exceeded." },
    { "io", "The file cannot be read." },
    { "schema.schema", "The `schema:` value is not the expected format." },
    { "schema.unknown-key", "A key or column the format does not have." },
    { "schema.required-key", "A required key or column is missing." },
    { "schema.type", "A value of the wrong type or form (text, number, list, mapping)." },
    { "schema.empty-list", "A list that needs at least one item is empty." },
    { "rubric.id", "An id uses characters ids may not hold." },
    { "rubric.duplicate-id", "An id (aspect, indicator, grade, survey item, column) is used twice." },
    { "rubric.scale", "scale.min must be below scale.max." },
    { "rubric.weight", "A weight is not above 0 and at most 100." },
    { "rubric.weight-sum", "Weights do not sum to 100 (an error, or a warning under normalise)." },
    { "rubric.band", "Bands: on the rounding grid, strictly decreasing, reachable, last at scale.min." },
    { "rubric.levels", "An indicator does not describe every level of the scale." },
    { "rubric.level-repeated", "A level description repeats another one." },
    { "rubric.evidence", "An indicator lists no evidence (bukti dukung)." },
    { "rubric.advice", "Advice is keyed by a level below the top one." },
    { "rubric.combine", "combine: percents that sum to 100, and a survey section when used." },
    { "rubric.survey", "A survey item names an aspect that does not exist." },
    { "rubric.provisional", "The rubric says it is provisional." },
    { "unit.rubric", "The unit's rubric cannot be found or is another one." },
    { "unit.unknown-indicator", "An answer for an indicator the rubric does not have." },
    { "unit.level", "A level outside the rubric's scale." },
    { "unit.na", "`na` where the indicator does not allow it." },
    { "unit.missing-answer", "An indicator without an answer." },
    { "unit.field", "A unit field is empty or not an allowed value (mode)." },
    { "unit.survey", "The survey is not given in one of its two forms, or is out of range." },
    { "unit.duplicate-id", "A unit id appears twice in a batch." },
    { "unit.row", "A sheet row does not have as many cells as the header." },
    { "score.range", "An exact value outgrew 128-bit arithmetic." },
    { "rubric.control-character", "A text holds a control or bidi override character." },
    { "pekppp.other", "Another problem." },
};

/* Message format prefixes -> rule, most specific first. */
static const struct {
    const char *prefix, *rule;
} by_format[] = {
    { "invalid ", "yaml.syntax" }, { "a quoted cell", "yaml.syntax" },
    { "text after the closing quote", "yaml.syntax" },
    { "not valid text", "yaml.encoding" }, { "the file is UTF-16", "yaml.encoding" },
    { "text contains a NUL", "yaml.encoding" },
    { "the file is empty", "yaml.empty" }, { "the sheet is empty", "yaml.empty" },
    { "a second YAML document", "yaml.multiple-documents" },
    { "duplicate key", "yaml.duplicate-key" }, { "mapping keys must", "yaml.key-type" },
    { "alias '*", "yaml.alias" }, { "tag '", "yaml.tag" },
    { "too many nodes", "limit" }, { "nesting deeper", "limit" }, { "text of ", "limit" },
    { "aliases expand", "limit" }, { "a cell longer", "limit" }, { "a row longer", "limit" }, { "file is larger", "limit" }, { "more than %d", "limit" },
    { "%zu indicators is more", "limit" }, { "expected 1 to %d survey", "limit" },
    { "cannot open", "io" }, { "cannot read", "io" }, { "is a directory", "io" },
    { "schema is ", "schema.schema" }, { "not a result or batch file", "schema.schema" },
    { "unknown key", "schema.unknown-key" }, { "unknown column", "schema.unknown-key" },
    { "missing required key", "schema.required-key" },
    { "the header needs the columns", "schema.required-key" },
    { "expected exactly %zu level", "rubric.levels" },
    { "expected at least one", "schema.empty-list" },
    { "expected a level", "unit.level" }, { "expected a survey score", "unit.survey" },
    { "expected a whole number of respondents", "unit.survey" },
    { "expected ", "schema.type" },
    { "rubric id '", "rubric.id" }, { "aspect id '%s' may hold", "rubric.id" },
    { "indicator id '%s' may hold", "rubric.id" },
    { "aspect id '%s' appears twice", "rubric.duplicate-id" },
    { "indicator id '%s' is already", "rubric.duplicate-id" },
    { "grade '%s' appears twice", "rubric.duplicate-id" },
    { "survey item id '", "rubric.duplicate-id" }, { "column '%s' appears twice", "rubric.duplicate-id" },
    { "scale.min", "rubric.scale" },
    { "weight must be above", "rubric.weight" }, { "aspect weight must be above", "rubric.weight" },
    { "weight %s is above", "rubric.weight" }, { "aspect weight %s is above", "rubric.weight" },
    { "%s sum to", "rubric.weight-sum" },
    { "band ", "rubric.band" }, { "the last band", "rubric.band" },
    { "level %d repeats", "rubric.level-repeated" },
    { "indicator '%s' lists no evidence", "rubric.evidence" },
    { "advice ", "rubric.advice" }, { "combine", "rubric.combine" },
    { "no aspect '", "rubric.survey" },
    { "this rubric is provisional", "rubric.provisional" },
    { "text holds the control character", "rubric.control-character" },
    { "this unit is for rubric", "unit.rubric" }, { "no rubric was given", "unit.rubric" },
    { "a sheet needs a rubric", "unit.rubric" }, { "unit '%s' is scored with rubric", "unit.rubric" },
    { "rubric '%s' has no indicator", "unit.unknown-indicator" },
    { "rubric '%s' has no survey", "unit.survey" },
    { "level ", "unit.level" },
    { "indicator '%s' does not allow", "unit.na" }, { "'na' is not an answer", "unit.na" },
    { "no answer for", "unit.missing-answer" }, { "no column for indicator", "unit.missing-answer" },
    { "mode '", "unit.field" }, { "the unit id is empty", "unit.field" },
    { "the unit name is empty", "unit.field" },
    { "give the survey", "unit.survey" }, { "the survey needs", "unit.survey" },
    { "'respondents'", "unit.survey" }, { "survey score", "unit.survey" },
    { "a survey score needs", "unit.survey" }, { "survey_respondents", "unit.survey" },
    { "no survey item", "unit.survey" },
    { "unit id '", "unit.duplicate-id" }, { "this row has", "unit.row" },
    { "an exact", "score.range" }, { "every indicator is answered 'na'", "unit.na" },
};

size_t pekppp_rule_count(void)
{
    return sizeof(rules) / sizeof(rules[0]);
}

const char *pekppp_rule_id(size_t i)
{
    return i < pekppp_rule_count() ? rules[i].id : NULL;
}

const char *pekppp_rule_text(size_t i)
{
    return i < pekppp_rule_count() ? rules[i].text : NULL;
}

static const char *rule_for(const char *fmt)
{
    size_t i;
    for (i = 0; i < sizeof(by_format) / sizeof(by_format[0]); i++)
        if (strncmp(fmt, by_format[i].prefix, strlen(by_format[i].prefix)) == 0)
            return by_format[i].rule;
    return "pekppp.other";
}

/* Count a finished problem, keep the first error, and pass it on. */
static void emit(pk_report *r, const pekppp_error *d)
{
    if (d->severity == PEKPPP_SEV_ERROR) {
        if (r->errors++ == 0) {
            r->first_code = d->code;
            if (r->err)
                *r->err = *d;
        }
    } else {
        r->warnings++;
    }
    if (r->cb)
        r->cb(d, r->payload);
}

static void locate(pekppp_error *d, const pk_report *r, int code, pekppp_severity sev,
                   unsigned line, unsigned col, const char *path)
{
    memset(d, 0, sizeof(*d));
    d->code = code;
    d->severity = sev;
    copy_str(d->file, sizeof(d->file), r->file);
    d->line = line;
    d->column = col;
    copy_str(d->path, sizeof(d->path), path ? path : "");
}

void pk_diagv(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
              const char *path, const char *fmt, va_list ap)
{
    pekppp_error d;
    unsigned phrase_args = 0;
    const char *id_fmt = pk_diag_format_id(fmt, &phrase_args);
    va_list ap_id;

    locate(&d, r, code, sev, line, col, path);
    copy_str(d.rule, sizeof(d.rule), code == PEKPPP_ENOMEM ? "pekppp.other" : rule_for(fmt));
    /* Both languages from one argument list: the Indonesian format has the
     * same conversions in the same order. */
    va_copy(ap_id, ap);
    vsnprintf(d.message, sizeof(d.message), fmt, ap);
    trim_utf8(d.message);
    if (id_fmt)
        (void)pk_diag_render_id(d.message_id, sizeof(d.message_id), id_fmt, phrase_args, ap_id);
    trim_utf8(d.message_id);
    va_end(ap_id);
    emit(r, &d);
}

void pk_diag_text(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
                  const char *path, const char *rule, const char *en, const char *id)
{
    pekppp_error d;
    locate(&d, r, code, sev, line, col, path);
    copy_str(d.rule, sizeof(d.rule), rule);
    copy_str(d.message, sizeof(d.message), en);
    copy_str(d.message_id, sizeof(d.message_id), id ? id : "");
    emit(r, &d);
}

void pk_diag(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
             const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pk_diagv(r, code, sev, line, col, path, fmt, ap);
    va_end(ap);
}
