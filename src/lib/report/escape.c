/*
 * Input text made safe, one function per output format.  Every text from an
 * input file (names, ids, rubric texts, file names, messages quoting them)
 * reaches its page through the function of that page's format:
 *
 *   terminal text  pk_text_cell   control characters as '?'
 *   Markdown       pk_md_text     table syntax escaped, no line breaks
 *   HTML           pk_html_text   entities, in element text and attributes
 *   CSV            pk_csv_text    RFC 4180 quoting, formulas defused
 *   JSON           pk_json_string string literal escapes
 */
#include "report_internal.h"

#include <string.h>

void pk_text_cell(pekppp_sink *sink, const char *s, size_t width, int pad)
{
    size_t chars = 0, i, len = s ? strlen(s) : 0, total = 0;
    for (i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            total++;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) {
            if (width && total > width && chars + 3 >= width) {
                pekppp_sink_puts(sink, "...");
                chars += 3;
                break;
            }
            chars++;
        }
        pekppp_sink_write(sink, c < 0x20 || c == 0x7f ? "?" : (const char *)&s[i], 1);
    }
    while (pad && chars < width) {
        pekppp_sink_write(sink, " ", 1);
        chars++;
    }
}

void pk_md_text(pekppp_sink *sink, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']') {
            pekppp_sink_write(sink, "\\", 1);
            pekppp_sink_write(sink, s, 1);
        } else if (c == '<') {
            pekppp_sink_puts(sink, "&lt;");
        } else if (c == '&') {
            pekppp_sink_puts(sink, "&amp;");
        } else if (c < 0x20 || c == 0x7f) {
            pekppp_sink_write(sink, " ", 1);
        } else {
            pekppp_sink_write(sink, s, 1);
        }
    }
}

/* Text from an input (or the catalogue), for element content and for
 * attribute values quoted with ".  Control characters other than tab and
 * line feed become '?', as in the text report. */
void pk_html_text(pekppp_sink *sink, const char *s)
{
    const char *run = s;
    if (!s)
        return;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const char *rep = NULL;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
                rep = "?";
            break;
        }
        if (rep) {
            pekppp_sink_write(sink, run, (size_t)(s - run));
            pekppp_sink_puts(sink, rep);
            run = s + 1;
        }
    }
    pekppp_sink_write(sink, run, (size_t)(s - run));
}

void pk_csv_text(pekppp_sink *sink, const char *s, char delim)
{
    const char *p;
    int quote = 0;
    if (!s)
        return;
    for (p = s; *p; p++)
        if (*p == delim || *p == '"' || *p == '\n' || *p == '\r')
            quote = 1;
    if (quote)
        pekppp_sink_write(sink, "\"", 1);
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
        pekppp_sink_write(sink, "'", 1);
    for (p = s; *p; p++) {
        if (*p == '"')
            pekppp_sink_write(sink, "\"", 1);
        pekppp_sink_write(sink, p, 1);
    }
    if (quote)
        pekppp_sink_write(sink, "\"", 1);
}

/* JSON string escaping: quotes, backslashes and control characters; UTF-8
 * passes through unchanged. */
void pk_json_string(pekppp_sink *sink, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = s;
    pekppp_sink_write(sink, "\"", 1);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[7] = { '\\', 0, 0, 0, 0, 0, 0 };
        size_t n = 2;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        pekppp_sink_write(sink, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
        }
        pekppp_sink_write(sink, esc, n);
    }
    pekppp_sink_write(sink, run, (size_t)(s - run));
    pekppp_sink_write(sink, "\"", 1);
}
