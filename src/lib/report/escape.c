/*
 * Input text made safe, one function per output format.  Every text from an
 * input file (names, ids, rubric texts, file names, messages quoting them)
 * reaches its page through the function of that page's format:
 *
 *   terminal text  pk_text_cell   pekppp_text_safe's policy (pekppp/text.h)
 *   Markdown       pk_md_text     table syntax escaped, no line breaks
 *   HTML           pk_html_text   entities, in element text and attributes
 *   CSV            pk_csv_text    RFC 4180 quoting, formulas defused
 *   JSON           pk_json_string string literal escapes
 *
 * Every one reads its text a character at a time with pk_utf8_next, so a
 * byte that is not well-formed UTF-8 becomes '?' in every format: no output
 * of the library is ever invalid UTF-8.  What a terminal must not see
 * (pk_text_unsafe) is decided here once; Markdown and HTML use the same
 * test, JSON escapes those characters as \uXXXX (keeping the data), CSV
 * keeps them (a spreadsheet shows them as they are).
 */
#include "report_internal.h"

#include <string.h>

size_t pk_utf8_next(const char *p, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)p;
    uint32_t v, min;
    size_t len, i;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2, v = s[0] & 0x1Fu, min = 0x80;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3, v = s[0] & 0x0Fu, min = 0x800;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4, v = s[0] & 0x07u, min = 0x10000;
    } else {
        *cp = PK_BAD_UTF8;
        return 1;
    }
    /* The NUL that ends the text is no continuation byte: the loop never
     * reads past it. */
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = PK_BAD_UTF8;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = PK_BAD_UTF8;
        return 1;
    }
    *cp = v;
    return len;
}

int pk_text_unsafe(uint32_t cp)
{
    return cp == PK_BAD_UTF8 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
           cp == 0x2029;
}

size_t pekppp_text_safe(char *out, size_t size, const char *s)
{
    size_t total = 0, copied = 0, n;
    uint32_t cp;
    if (!s)
        s = "";
    for (; *s; s += n) {
        const char *piece = s;
        size_t plen = n = pk_utf8_next(s, &cp);
        if (pk_text_unsafe(cp))
            piece = "?", plen = 1;
        /* Whole characters only, and none after the first that did not fit. */
        if (copied == total && total + plen < size) {
            memcpy(out + copied, piece, plen);
            copied += plen;
        }
        total += plen;
    }
    if (size > 0)
        out[copied] = '\0';
    return total;
}

void pk_text_cell(pekppp_sink *sink, const char *s, size_t width, int pad)
{
    size_t chars = 0, total = 0, n;
    const char *p;
    uint32_t cp;
    if (!s)
        s = "";
    for (p = s; *p; p += n) {
        n = pk_utf8_next(p, &cp);
        total++;
    }
    for (p = s; *p; p += n) {
        n = pk_utf8_next(p, &cp);
        if (width && total > width && chars + 3 >= width) {
            PK_SINK_LIT(sink, "...");
            chars += 3;
            break;
        }
        if (pk_text_unsafe(cp))
            pk_sink_put(sink, "?", 1);
        else
            pk_sink_put(sink, p, n);
        chars++;
    }
    while (pad && chars < width) {
        pk_sink_put(sink, " ", 1);
        chars++;
    }
}

void pk_md_text(pekppp_sink *sink, const char *s)
{
    size_t n;
    uint32_t cp;
    for (; s && *s; s += n) {
        unsigned char c = (unsigned char)*s;
        n = pk_utf8_next(s, &cp);
        if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']') {
            pk_sink_put(sink, "\\", 1);
            pk_sink_put(sink, s, 1);
        } else if (c == '<') {
            PK_SINK_LIT(sink, "&lt;");
        } else if (c == '&') {
            PK_SINK_LIT(sink, "&amp;");
        } else if (cp < 0x20 || cp == 0x7f) {
            pk_sink_put(sink, " ", 1);
        } else if (pk_text_unsafe(cp)) {
            pk_sink_put(sink, "?", 1);
        } else {
            pk_sink_put(sink, s, n);
        }
    }
}

/* Text from an input (or the catalogue), for element content and for
 * attribute values quoted with ".  What a terminal must not see becomes '?'
 * (tab and line feed are kept: HTML shows them as spaces), as in the text
 * report. */
void pk_html_text(pekppp_sink *sink, const char *s)
{
    const char *run = s;
    size_t n;
    uint32_t cp;
    if (!s)
        return;
    for (; *s; s += n) {
        unsigned char c = (unsigned char)*s;
        const char *rep = NULL;
        n = pk_utf8_next(s, &cp);
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if (pk_text_unsafe(cp) && c != '\t' && c != '\n')
                rep = "?";
            break;
        }
        if (rep) {
            pk_sink_put(sink, run, (size_t)(s - run));
            pekppp_sink_puts(sink, rep);
            run = s + n;
        }
    }
    pk_sink_put(sink, run, (size_t)(s - run));
}

/* Characters a spreadsheet may skip, or a reader not see, before a
 * formula: spaces (also no-break, ideographic and the typographic ones),
 * zero-width characters, the word joiner, the byte-order mark, and tab and
 * line breaks. */
static int csv_ignorable(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
           cp == 0x3000 || cp == 0xFEFF;
}

int pk_csv_formula(const char *s)
{
    size_t n;
    uint32_t cp;
    if (s[0] == '\t' || s[0] == '\r')
        return 1;
    for (; *s; s += n) {
        n = pk_utf8_next(s, &cp);
        if (csv_ignorable(cp))
            continue;
        /* = + - @ and their fullwidth forms, which some spreadsheets fold */
        return cp == '=' || cp == '+' || cp == '-' || cp == '@' || cp == 0xFF1D || cp == 0xFF0B ||
               cp == 0xFF0D || cp == 0xFF20;
    }
    return 0;
}

void pk_csv_text(pekppp_sink *sink, const char *s, char delim)
{
    const char *p, *run;
    int quote = 0;
    size_t n;
    uint32_t cp;
    if (!s)
        return;
    for (p = s; *p; p++)
        if (*p == delim || *p == '"' || *p == '\n' || *p == '\r')
            quote = 1;
    if (quote)
        pk_sink_put(sink, "\"", 1);
    if (pk_csv_formula(s))
        pk_sink_put(sink, "'", 1);
    /* Runs of plain text go out in one write; a quote is doubled, a bad byte becomes '?'. */
    for (run = p = s; *p; p += n) {
        if ((unsigned char)*p < 0x80) { /* ASCII: no decoding */
            n = 1;
            if (*p != '"')
                continue;
        } else if ((n = pk_utf8_next(p, &cp)) > 0 && cp != PK_BAD_UTF8) {
            continue;
        }
        pk_sink_put(sink, run, (size_t)(p - run));
        pk_sink_put(sink, *p == '"' ? "\"\"" : "?", *p == '"' ? 2 : 1);
        run = p + n;
    }
    pk_sink_put(sink, run, (size_t)(p - run));
    if (quote)
        pk_sink_put(sink, "\"", 1);
}

/* Bytes that go into a JSON string as they are: printable ASCII but the
 * quote and the backslash (1), by byte value. */
const unsigned char pk_json_plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static int json_plain(unsigned char c)
{
    return pk_json_plain[c];
}

#define PK_ONES 0x0101010101010101ull
#define PK_HIGHS 0x8080808080808080ull

/* Does any of the 8 bytes in @p x need a look (not json_plain)?  Per byte,
 * (v - 1) & ~v has its high bit set for a byte 0 (and only above one, where
 * we look anyway), so: a byte below 0x20, a high bit (UTF-8 or 0x80+), or a
 * byte equal to '"', '\\' or DEL.  Exact for "is there one". */
static int json_word_special(uint64_t x)
{
    uint64_t q = x ^ (PK_ONES * '"'), b = x ^ (PK_ONES * '\\'), d = x ^ (PK_ONES * 0x7f);
    uint64_t hit = ((x - PK_ONES * 0x20) & ~x) | x | ((q - PK_ONES) & ~q) |
                   ((b - PK_ONES) & ~b) | ((d - PK_ONES) & ~d);
    return (hit & PK_HIGHS) != 0;
}

/* JSON string escaping: quotes, backslashes and control characters; also
 * C1 controls, bidirectional controls and U+2028/U+2029 as \uXXXX (the data
 * kept, visible in any viewer); a byte that is not UTF-8 as '?'.  Other
 * UTF-8 passes through unchanged.  Plain ASCII is skipped 8 bytes at a
 * time, and every run between two escapes goes to the sink in one write. */
void pk_json_string(pekppp_sink *sink, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    size_t len = strlen(s), i = 0, run = 0, n;
    uint32_t cp;
    while (len - i >= 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (json_word_special(x))
            break;
        i += 8;
    }
    while (i < len && json_plain((unsigned char)s[i]))
        i++;
    if (i == len && len + 2 < sink->cap - sink->len && !sink->error) {
        /* Nothing to escape (the common case), and room: quote, copy, quote. */
        char *d = sink->data + sink->len;
        d[0] = '"';
        memcpy(d + 1, s, len);
        d[len + 1] = '"';
        d[len + 2] = '\0';
        sink->len += len + 2;
        return;
    }
    PK_SINK_LIT(sink, "\"");
    for (;;) {
        while (len - i >= 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (json_word_special(x))
                break;
            i += 8;
        }
        while (i < len && json_plain((unsigned char)s[i]))
            i++;
        if (i >= len)
            break;
        n = pk_utf8_next(s + i, &cp);
        if (cp != '"' && cp != '\\' && !pk_text_unsafe(cp)) { /* UTF-8 as it is */
            i += n;
            continue;
        }
        pk_sink_put(sink, s + run, i - run);
        i += n;
        run = i;
        switch (cp) {
        case '"': PK_SINK_LIT(sink, "\\\""); break;
        case '\\': PK_SINK_LIT(sink, "\\\\"); break;
        case '\n': PK_SINK_LIT(sink, "\\n"); break;
        case '\r': PK_SINK_LIT(sink, "\\r"); break;
        case '\t': PK_SINK_LIT(sink, "\\t"); break;
        case PK_BAD_UTF8: PK_SINK_LIT(sink, "?"); break;
        default: {
            char esc[6];
            esc[0] = '\\';
            esc[1] = 'u';
            esc[2] = hex[(cp >> 12) & 15];
            esc[3] = hex[(cp >> 8) & 15];
            esc[4] = hex[(cp >> 4) & 15];
            esc[5] = hex[cp & 15];
            pk_sink_put(sink, esc, sizeof(esc));
        }
        }
    }
    pk_sink_put(sink, s + run, len - run);
    PK_SINK_LIT(sink, "\"");
}
