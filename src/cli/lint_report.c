/* lint's problem listing in four formats; see lint_report.h. */
#include "lint_report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_msg.h"
#include "diag_print.h"

/* JSON string: quotes, backslashes and control characters escaped. */
static void json_str(pekppp_sink *out, const char *s)
{
    pekppp_sink_puts(out, "\"");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            pekppp_sink_write(out, esc, 2);
        } else if (c < 0x20) {
            snprintf(esc, sizeof(esc), "\\u%04x", c);
            pekppp_sink_puts(out, esc);
        } else {
            pekppp_sink_write(out, s, 1);
        }
    }
    pekppp_sink_puts(out, "\"");
}

/* A GitHub workflow command value, printed in the job log: first made safe as every
 * terminal text is (pekppp_text_safe: control characters, bidi overrides and bytes that
 * are not UTF-8 become '?', CR and LF among them), then '%' escaped, and in properties
 * also ':' and ','. */
static void gh_escape(pekppp_sink *out, const char *raw, int property)
{
    char small[1024], *big = NULL;
    const char *s = small;
    size_t need = pekppp_text_safe(small, sizeof(small), raw);
    if (need >= sizeof(small) && (big = malloc(need + 1)) != NULL) {
        pekppp_text_safe(big, need + 1, raw);
        s = big;
    }
    for (; *s; s++) {
        const char *rep = *s == '%' ? "%25" : *s == '\r' ? "%0D" : *s == '\n' ? "%0A"
                        : property && *s == ':' ? "%3A" : property && *s == ',' ? "%2C" : NULL;
        if (rep)
            pekppp_sink_puts(out, rep);
        else
            pekppp_sink_write(out, s, 1);
    }
    free(big);
}

/* A file name as a relative URI reference: unreserved characters and '/'
 * as they are, everything else percent-encoded. */
static void uri(pekppp_sink *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            pekppp_sink_write(out, s, 1);
        } else {
            char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
            pekppp_sink_write(out, esc, 3);
        }
    }
}

/* A fingerprint that survives edits elsewhere in the file: FNV-1a 64 over
 * the rule, the file, the path and the message, leaving out the line: the
 * problem's own, and the digits after "line " or "row " in a message that
 * points at another place ("first at line 12", "first in row 7"). */
static void fingerprint(char out[17], const pekppp_error *d)
{
    static const char hex[] = "0123456789abcdef";
    const char *parts[5];
    uint64_t h = 14695981039346656037ULL;
    int i, k;
    parts[0] = d->rule;
    parts[1] = d->file;
    parts[2] = d->path;
    parts[3] = d->message;
    parts[4] = d->sheet;
    for (i = 0; i < (d->sheet[0] ? 5 : 4); i++) { /* the sheet only when there is one */
        const char *p;
        for (p = parts[i]; *p; p++) {
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
            if (i == 3 && ((p - parts[i] >= 4 && strncmp(p - 4, "line ", 5) == 0) ||
                           (p - parts[i] >= 3 && strncmp(p - 3, "row ", 4) == 0)))
                while (p[1] >= '0' && p[1] <= '9')
                    p++;
        }
        h = (h ^ 0) * 1099511628211ULL; /* a separator between the parts */
    }
    for (k = 15; k >= 0; k--) {
        out[k] = hex[h & 15];
        h >>= 4;
    }
    out[16] = '\0';
}

static size_t rule_index(const char *rule)
{
    size_t i;
    for (i = 0; i < pekppp_rule_count(); i++)
        if (strcmp(pekppp_rule_id(i), rule) == 0)
            return i;
    return pekppp_rule_count() - 1;
}

static void sarif_result(lint_report *c, const pekppp_error *d, int warning)
{
    char num[96], fp[17];
    size_t ri = rule_index(d->rule);
    pekppp_sink_puts(c->out, c->errors + c->warnings > 1 ? ",\n        {" : "\n        {");
    pekppp_sink_puts(c->out, "\"ruleId\": ");
    json_str(c->out, pekppp_rule_id(ri));
    snprintf(num, sizeof(num), ", \"ruleIndex\": %zu, \"level\": \"%s\",\n         \"message\": {\"text\": ",
             ri, warning ? "warning" : "error");
    pekppp_sink_puts(c->out, num);
    if (d->path[0]) {
        char text[800];
        snprintf(text, sizeof(text), "%s: %s", d->path, cli_diag_message(d));
        json_str(c->out, text);
    } else {
        json_str(c->out, cli_diag_message(d));
    }
    pekppp_sink_puts(c->out, "},\n         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"");
    uri(c->out, d->file);
    pekppp_sink_puts(c->out, "\"}");
    if (d->line) {
        snprintf(num, sizeof(num), ", \"region\": {\"startLine\": %u, \"startColumn\": %u}",
                 d->line, d->column ? d->column : 1);
        pekppp_sink_puts(c->out, num);
    }
    pekppp_sink_puts(c->out, "}");
    if (d->sheet[0]) {
        /* A workbook's cell: SARIF's logical location (3.33), kind "cell" (no listed kind
         * fits; 3.33.7 allows another).  The region keeps row and column numbers. */
        char cell[700];
        pekppp_sink_puts(c->out, ",\n           \"logicalLocations\": [{\"name\": ");
        pekppp_error_location(d, d->line ? PEKPPP_LOCATION_CELL : PEKPPP_LOCATION_NO_FILE,
                              cell, sizeof(cell));
        json_str(c->out, d->line ? cell : d->sheet);
        pekppp_sink_puts(c->out, ", \"fullyQualifiedName\": ");
        pekppp_error_location(d, PEKPPP_LOCATION_NO_FILE, cell, sizeof(cell));
        json_str(c->out, cell);
        pekppp_sink_puts(c->out, d->line ? ", \"kind\": \"cell\"}]" : ", \"kind\": \"sheet\"}]");
    }
    fingerprint(fp, d);
    pekppp_sink_puts(c->out, "}],\n         \"partialFingerprints\": {\"pekppp/v1\": \"");
    pekppp_sink_puts(c->out, fp);
    pekppp_sink_puts(c->out, "\"}}");
}

void lint_report_problem(const pekppp_error *d, void *payload)
{
    lint_report *c = payload;
    int warning = d->severity == PEKPPP_SEV_WARNING;
    char num[64];
    if (c->disabled && c->disabled[rule_index(d->rule)])
        return;
    if (warning)
        c->warnings++;
    else
        c->errors++;
    switch (c->format) {
    case LINT_TEXT:
        cli_print_diag(d);
        break;
    case LINT_JSON:
        pekppp_sink_puts(c->out, c->errors + c->warnings > 1 ? ",\n    {\"file\": " : "\n    {\"file\": ");
        json_str(c->out, d->file);
        if (d->line)
            snprintf(num, sizeof(num), ", \"line\": %u, \"column\": %u", d->line, d->column);
        else
            snprintf(num, sizeof(num), ", \"line\": null, \"column\": null");
        pekppp_sink_puts(c->out, num);
        if (d->sheet[0]) {
            char cell[64];
            pekppp_sink_puts(c->out, ", \"sheet\": ");
            json_str(c->out, d->sheet);
            pekppp_sink_puts(c->out, ", \"cell\": ");
            pekppp_error_location(d, PEKPPP_LOCATION_CELL, cell, sizeof(cell));
            if (cell[0])
                json_str(c->out, cell);
            else
                pekppp_sink_puts(c->out, "null");
        }
        pekppp_sink_puts(c->out, warning ? ", \"severity\": \"warning\", \"path\": "
                                         : ", \"severity\": \"error\", \"path\": ");
        if (d->path[0])
            json_str(c->out, d->path);
        else
            pekppp_sink_puts(c->out, "null");
        pekppp_sink_puts(c->out, ", \"rule\": ");
        json_str(c->out, d->rule);
        pekppp_sink_puts(c->out, ", \"message\": ");
        json_str(c->out, d->message);
        pekppp_sink_puts(c->out, "}");
        break;
    case LINT_SARIF:
        sarif_result(c, d, warning);
        break;
    case LINT_GITHUB:
        pekppp_sink_puts(c->out, warning ? "::warning file=" : "::error file=");
        gh_escape(c->out, d->file, 1);
        if (d->line) {
            snprintf(num, sizeof(num), ",line=%u,col=%u", d->line, d->column);
            pekppp_sink_puts(c->out, num);
        }
        pekppp_sink_puts(c->out, ",title=pekppp ");
        gh_escape(c->out, d->rule, 1);
        pekppp_sink_puts(c->out, "::");
        if (d->sheet[0]) { /* the cell, which line= and col= cannot say */
            char cell[700];
            pekppp_error_location(d, PEKPPP_LOCATION_NO_FILE, cell, sizeof(cell));
            gh_escape(c->out, cell, 0);
            pekppp_sink_puts(c->out, ": ");
        }
        if (d->path[0]) {
            gh_escape(c->out, d->path, 0);
            pekppp_sink_puts(c->out, ": ");
        }
        gh_escape(c->out, cli_diag_message(d), 0);
        pekppp_sink_puts(c->out, "\n");
        break;
    }
}

int lint_format_parse(const char *name, lint_format *out)
{
    static const char *const names[] = { "text", "json", "github", "sarif" };
    static const lint_format formats[] = { LINT_TEXT, LINT_JSON, LINT_GITHUB, LINT_SARIF };
    size_t i;
    for (i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = formats[i];
            return 0;
        }
    return -1;
}

void lint_report_begin(lint_report *r)
{
    size_t k;
    if (r->format == LINT_JSON)
        pekppp_sink_puts(r->out, "{\n  \"schema\": \"pekppp/lint/v1\",\n  \"problems\": [");
    if (r->format != LINT_SARIF)
        return;
    pekppp_sink_puts(r->out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                             "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
                             "    \"tool\": {\"driver\": {\"name\": \"pekppp\", \"version\": \"");
    pekppp_sink_puts(r->out, pekppp_version());
    pekppp_sink_puts(r->out, "\", \"rules\": [");
    for (k = 0; k < pekppp_rule_count(); k++) {
        pekppp_sink_puts(r->out, k ? ",\n      {\"id\": " : "\n      {\"id\": ");
        json_str(r->out, pekppp_rule_id(k));
        pekppp_sink_puts(r->out, ", \"shortDescription\": {\"text\": ");
        json_str(r->out, pekppp_rule_text(k));
        pekppp_sink_puts(r->out, "}}");
    }
    pekppp_sink_puts(r->out, "]}},\n    \"results\": [");
}

void lint_report_end(lint_report *r, int files)
{
    if (r->format == LINT_JSON) {
        char tail[160];
        snprintf(tail, sizeof(tail),
                 "%s],\n  \"files\": %d,\n  \"errors\": %d,\n  \"warnings\": %d\n}\n",
                 r->errors + r->warnings ? "\n  " : "", files, r->errors, r->warnings);
        pekppp_sink_puts(r->out, tail);
    }
    if (r->format == LINT_SARIF)
        pekppp_sink_puts(r->out, r->errors + r->warnings ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n");
}
