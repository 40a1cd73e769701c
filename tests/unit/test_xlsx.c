/*
 * The .xlsx reader (src/lib/xlsx.c, xlsx_number.c): workbooks built here
 * from XML strings with libzip's write API, workbooks written by LibreOffice
 * (tests/fixtures/xlsx/) and by libxlsxwriter, read row by row; each cell
 * type, the number rule, sparse and skipped cells, several sheets, and every
 * hostile case the reader must refuse with a clear, located error.
 */
#define _DEFAULT_SOURCE

#include <fcntl.h>
#include <float.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "xlsx.h"

/* ------------------------------------------------------------------------ */
/* Building workbooks                                                        */

typedef struct {
    const char *name;
    const char *data;
    size_t len;  /* 0: strlen(data) */
    int stored;  /* no compression */
} part;

/* A zip of @p parts, in memory (malloc'd); its length in *len. */
static char *make_zip(const part *parts, size_t n, size_t *len)
{
    char path[] = "/tmp/test_xlsx_XXXXXX";
    int fd = mkstemp(path), err = 0;
    zip_t *z;
    size_t i;
    struct stat st;
    char *buf;
    assert_true(fd >= 0);
    close(fd);
    z = zip_open(path, ZIP_TRUNCATE, &err);
    assert_non_null(z);
    for (i = 0; i < n; i++) {
        size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
        zip_source_t *s = zip_source_buffer(z, parts[i].data, l, 0);
        zip_int64_t idx;
        assert_non_null(s);
        idx = zip_file_add(z, parts[i].name, s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
        assert_true(idx >= 0);
        if (parts[i].stored)
            assert_int_equal(zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
    }
    assert_int_equal(zip_close(z), 0);
    fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(fstat(fd, &st), 0);
    buf = malloc((size_t)st.st_size + 1);
    assert_non_null(buf);
    assert_int_equal(read(fd, buf, (size_t)st.st_size), st.st_size);
    close(fd);
    unlink(path);
    *len = (size_t)st.st_size;
    return buf;
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define TYPES_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
#define XLSX_MAIN "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
#define REL_SHEET "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
#define REL_SST "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"

/* A worksheet part around @p rows (the XML inside <sheetData>). */
static char *sheet_xml(const char *rows)
{
    size_t n = strlen(rows) + 512;
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " NS
                   "><dimension ref=\"A1\"/><sheetData>%s</sheetData></worksheet>", rows);
    return s;
}

static char *sst_xml(const char *items)
{
    size_t n = strlen(items) + 256;
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst " NS ">%s</sst>", items);
    return s;
}

/* A workbook of @p nsheets sheets named @p names with rows @p rows (XML inside
 * <sheetData>), and shared strings @p sst (the <si> items, or NULL for none). */
static char *book(size_t nsheets, const char *const *names, const char *const *rows,
                  const char *sst, size_t *len)
{
    part parts[16];
    char types[2048], wb[2048], rels[2048], *sheets[8], *sstp = NULL, paths[8][64];
    size_t i, n = 0, k;
    char *zip;
    assert_true(nsheets <= 8);
    k = (size_t)snprintf(types, sizeof(types), TYPES_HEAD
                         "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" XLSX_MAIN "\"/>"
                         "</Types>");
    (void)k;
    k = (size_t)snprintf(wb, sizeof(wb), "<?xml version=\"1.0\"?><workbook " NS "><sheets>");
    for (i = 0; i < nsheets; i++)
        k += (size_t)snprintf(wb + k, sizeof(wb) - k,
                              "<sheet name=\"%s\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", names[i],
                              i + 1, i + 1);
    snprintf(wb + k, sizeof(wb) - k, "</sheets></workbook>");
    k = (size_t)snprintf(rels, sizeof(rels), "<?xml version=\"1.0\"?><Relationships "
                         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (i = 0; i < nsheets; i++)
        /* Odd sheets by a relative target, even ones by an absolute one. */
        k += (size_t)snprintf(rels + k, sizeof(rels) - k,
                              "<Relationship Id=\"rId%zu\" Type=\"" REL_SHEET "\" Target=\"%s"
                              "worksheets/sheet%zu.xml\"/>", i + 1, i % 2 ? "/xl/" : "", i + 1);
    if (sst)
        k += (size_t)snprintf(rels + k, sizeof(rels) - k,
                              "<Relationship Id=\"rId99\" Type=\"" REL_SST
                              "\" Target=\"sharedStrings.xml\"/>");
    snprintf(rels + k, sizeof(rels) - k, "</Relationships>");
    parts[n++] = (part){ "[Content_Types].xml", types, 0, 0 };
    parts[n++] = (part){ "xl/workbook.xml", wb, 0, 0 };
    parts[n++] = (part){ "xl/_rels/workbook.xml.rels", rels, 0, 0 };
    for (i = 0; i < nsheets; i++) {
        sheets[i] = sheet_xml(rows[i]);
        snprintf(paths[i], sizeof(paths[i]), "xl/worksheets/sheet%zu.xml", i + 1);
        parts[n++] = (part){ paths[i], sheets[i], 0, 0 };
    }
    if (sst) {
        sstp = sst_xml(sst);
        parts[n++] = (part){ "xl/sharedStrings.xml", sstp, 0, 0 };
    }
    zip = make_zip(parts, n, len);
    for (i = 0; i < nsheets; i++)
        free(sheets[i]);
    free(sstp);
    return zip;
}

static char *book1(const char *rows, const char *sst, size_t *len)
{
    static const char *const names[] = { "Sheet1" };
    return book(1, names, &rows, sst, len);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

typedef struct {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static text out;

/* Every diagnostic: "! sheet!line:col rule: message" (":line:col" outside a sheet); each
 * must come in Indonesian too. */
static void on_diag(const pekppp_error *e, void *payload)
{
    (void)payload;
    put(&out, "! %s%s%u:%u %s: %s\n", e->sheet, e->sheet[0] ? "!" : ":", e->line, e->column,
        e->rule, e->message);
    if (!e->message_id[0])
        fail_msg("no Indonesian for: %s", e->message);
    assert_true(e->code < 0);
}

static const char kinds[] = "TNBD";

/* Read sheet @p i of an open reader into out: "line:col=text" cells (a kind letter after
 * the text when not text), one line per row. */
static void read_sheet(pk_xlsx *x, size_t i, pk_report *rep)
{
    pk_csv_cell *cells;
    size_t n, j, calls = 0;
    int rc;
    if (pk_xlsx_select(x, i, rep) < 0)
        return;
    put(&out, "[%s]\n", pk_xlsx_sheet_name(x, i));
    while ((rc = pk_xlsx_next(x, &cells, &n, rep)) != 0) {
        assert_true(++calls < 2000000);
        if (rc < 0) {
            put(&out, "bad row (%d)%s\n", rc, pk_xlsx_row_bad(x) ? "" : ", the end");
            continue;
        }
        assert_true(n > 0);
        for (j = 0; j < n; j++) {
            assert_int_equal(cells[j].col, j + 1);
            assert_int_equal(strlen(cells[j].text), cells[j].len);
            put(&out, "%s%u:%u=%s", j ? " " : "", cells[j].line, cells[j].col, cells[j].text);
            if (cells[j].kind != PK_CELL_TEXT)
                put(&out, "/%c", kinds[cells[j].kind]);
        }
        put(&out, "\n");
    }
}

/* Open @p data (or, with @p fd >= 0, the fd) and read every sheet; returns what was seen. */
static const char *read_book_fd(int fd, const char *data, size_t len)
{
    pk_report rep;
    pk_xlsx *x = NULL;
    size_t i;
    free(out.s);
    memset(&out, 0, sizeof(out));
    put(&out, "%s", "");
    pk_report_init(&rep, "book.xlsx", on_diag, NULL, NULL);
    if (pk_xlsx_open(&x, fd, data, len, &rep) < 0) {
        assert_null(x);
        return out.s;
    }
    for (i = 0; i < pk_xlsx_sheet_count(x); i++)
        read_sheet(x, i, &rep);
    assert_null(rep.sheet);
    pk_xlsx_free(x);
    return out.s;
}

static const char *read_book(const char *data, size_t len)
{
    return read_book_fd(-1, data, len);
}

static void expect_rows(const char *rows, const char *sst, const char *want)
{
    size_t len;
    char *z = book1(rows, sst, &len);
    assert_string_equal(read_book(z, len), want);
    free(z);
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

static void test_xlsx__shared_strings_rich_text_phonetics_and_spaces(void **state)
{
    (void)state;
    expect_rows("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                "<c r=\"C1\" t=\"s\"><v> 2 </v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
                "<c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c></row>",
                "<si><t>plain</t></si>"
                "<si><r><rPr><b/></rPr><t>ri</t></r><r><t xml:space=\"preserve\"> ch</t></r>"
                "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh><phoneticPr fontId=\"1\"/></si>"
                "<si><t xml:space=\"preserve\">  kept  </t></si>"
                "<si><t>\n   trimmed\n  </t></si>"
                "<si><t>line_x000D_\nbreak _x005F_x0041_ &amp; &#x4E2D;</t></si>"
                "<si><t>Kantor Pusat Ümlaut</t></si>",
                "[Sheet1]\n1:1=plain 1:2=ri ch 1:3=  kept   1:4=trimmed 1:5=line\r\nbreak "
                "_x0041_ & \xe4\xb8\xad 1:6=Kantor Pusat \xc3\x9cmlaut\n");
}

static void test_xlsx__inline_strings_and_formula_strings(void **state)
{
    (void)state;
    expect_rows("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
                "<c r=\"B2\" t=\"inlineStr\"><is><r><t>a</t></r><r><t xml:space=\"preserve\"> b"
                "</t></r><rPh><t>x</t></rPh></is></c>"
                "<c r=\"C2\" t=\"str\"><f>A2&amp;\"!\"</f><v> inline!</v></c>"
                "<c r=\"D2\" t=\"str\"><f>\"\"</f><v></v></c>"
                "<c r=\"E2\" t=\"d\"><v>2026-12-04T00:00:00</v></c></row>",
                NULL, "[Sheet1]\n2:1=inline 2:2=a b 2:3= inline! 2:4= 2:5=2026-12-04T00:00:00/D\n");
}

static void test_xlsx__numbers_become_the_shortest_decimal_that_reads_back(void **state)
{
    static const struct {
        const char *stored, *shown;
        int prefix; /* shown is only how it starts */
    } cases[] = {
        { "3", "3", 0 },
        { "4.2000000000000002", "4.2", 0 },
        { "4.2", "4.2", 0 },
        { "0.30000000000000004", "0.30000000000000004", 0 }, /* 0.1+0.2: not the double of 0.3 */
        { "0.3", "0.3", 0 },
        { "0.29999999999999999", "0.3", 0 },
        { "1E-3", "0.001", 0 },
        { "1e-3", "0.001", 0 },
        { "2.5E+2", "250", 0 },
        { "-0", "0", 0 },
        { "-0.0", "0", 0 },
        { "0", "0", 0 },
        { "1E+20", "100000000000000000000", 0 },
        { "123456789012345680000", "123456789012345680000", 0 },
        { "1.2345678901234568E+20", "123456789012345680000", 0 },
        { "3.9999999999999996", "3.9999999999999996", 0 },
        { "3.99999999999999999", "4", 0 },
        { "4.25", "4.25", 0 },
        { "-12.5", "-12.5", 0 },
        { "+7", "7", 0 },
        { "007.500", "7.5", 0 },
        { ".5", "0.5", 0 },
        { "5.", "5", 0 },
        { "9007199254740993", "9007199254740992", 0 }, /* 2^53 + 1 is no binary64 */
        { "0.1000000000000000055511151231257827", "0.1", 0 },
        { "1.7976931348623157E+308", "17976931348623157000", 1 }, /* then 289 zeros */
        { "4.9406564584124654E-324", "0.000", 1 },                /* 323 zeros, then 5 */
        { "2.2250738585072014E-308", "0.000", 1 },
        { "3.3333333333333335", "3.3333333333333335", 0 },
        { "1234.5678", "1234.5678", 0 },
    };
    char buf[PK_XLSX_NUMBER_MAX];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int n = pk_xlsx_number(cases[i].stored, strlen(cases[i].stored), buf);
        if (n < 0 || (cases[i].prefix ? strncmp(buf, cases[i].shown, strlen(cases[i].shown))
                                      : strcmp(buf, cases[i].shown)) != 0)
            fail_msg("%s: got %s (%d), want %s", cases[i].stored, n >= 0 ? buf : "-", n,
                     cases[i].shown);
        assert_int_equal((size_t)n, strlen(buf));
    }
    /* The extremes, whole. */
    assert_int_equal(pk_xlsx_number("1.7976931348623157E+308", 23, buf), 309);
    assert_int_equal(pk_xlsx_number("4.9406564584124654E-324", 23, buf), 326);
    assert_string_equal(buf + 321, "00005");
    /* Not numbers, and numbers beyond binary64. */
    assert_int_equal(pk_xlsx_number("", 0, buf), -1);
    assert_int_equal(pk_xlsx_number("abc", 3, buf), -1);
    assert_int_equal(pk_xlsx_number("1,5", 3, buf), -1);
    assert_int_equal(pk_xlsx_number("inf", 3, buf), -1);
    assert_int_equal(pk_xlsx_number("nan", 3, buf), -1);
    assert_int_equal(pk_xlsx_number("0x10", 4, buf), -1);
    assert_int_equal(pk_xlsx_number("1e", 2, buf), -1);
    assert_int_equal(pk_xlsx_number("1 2", 3, buf), -1);
    assert_int_equal(pk_xlsx_number("--1", 3, buf), -1);
    assert_int_equal(pk_xlsx_number("1E+400", 6, buf), -2);
    assert_int_equal(pk_xlsx_number("1E-400", 6, buf), -2);
    assert_int_equal(pk_xlsx_number("0E-400", 6, buf), 1);
    assert_int_equal(pk_xlsx_number("1E999999999999", 14, buf), -2);
}

static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof(a)) == 0;
}

/* The shortest by brute force (tests may use floating point). */
static int shortest_ref(double v, char *buf, size_t cap)
{
    int p;
    for (p = 1; p <= 17; p++) {
        snprintf(buf, cap, "%.*e", p - 1, v);
        if (same_bits(strtod(buf, NULL), v))
            return p;
    }
    return 17;
}

/* Significant digits of a plain decimal. */
static int significant(const char *s)
{
    char d[512];
    size_t n = 0, a = 0;
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            d[n++] = *s;
    while (a < n && d[a] == '0')
        a++;
    while (n > a && d[n - 1] == '0')
        n--;
    return (int)(n - a);
}

static void test_xlsx__numbers_agree_with_brute_force_on_random_doubles(void **state)
{
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    int i;
    (void)state;
    for (i = 0; i < 20000; i++) {
        uint64_t bits;
        double v, back;
        char stored[64], ref[64], got[PK_XLSX_NUMBER_MAX];
        int n, p;
        const char *c;
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        bits = seed;
        if (i % 3 == 0) /* values a sheet holds: small, with few decimals */
            v = (double)(int64_t)(seed % 2000001) / 1000.0 - 1000.0 + (i % 2 ? 0.1 : 0);
        else {
            memcpy(&v, &bits, sizeof(v));
            if (((bits >> 52) & 0x7FF) == 0x7FF) /* NaN, infinity */
                continue;
        }
        memcpy(&bits, &v, sizeof(bits));
        snprintf(stored, sizeof(stored), "%.17g", v);
        n = pk_xlsx_number(stored, strlen(stored), got);
        assert_true(n > 0);
        back = strtod(got, NULL);
        if (!same_bits(back, v) && ((bits << 1) != 0 || significant(got) != 0))
            fail_msg("%s -> %s does not read back", stored, got);
        for (c = got; *c; c++)
            assert_true((*c >= '0' && *c <= '9') || *c == '.' || (*c == '-' && c == got));
        /* As short as the brute force. */
        p = shortest_ref(v, ref, sizeof(ref));
        if (significant(got) != 0 && significant(got) != p)
            fail_msg("%s -> %s has %d digits, the shortest has %d (%s)", stored, got,
                     significant(got), p, ref);
    }
}

static void test_xlsx__numbers_do_not_depend_on_lc_numeric(void **state)
{
    static const char *const locales[] = { "de_DE.UTF-8", "de_DE.utf8", "id_ID.UTF-8",
                                           "fr_FR.UTF-8", "de_DE" };
    char buf[PK_XLSX_NUMBER_MAX], probe[32];
    const char *got = NULL;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(locales) / sizeof(locales[0]) && !got; i++)
        got = setlocale(LC_NUMERIC, locales[i]);
    if (!got) {
        const char *ci = getenv("CI");
        if (ci && strcmp(ci, "true") == 0)
            fail_msg("no locale with a decimal comma (tests/CMakeLists.txt makes de_DE.UTF-8 "
                     "with localedef under LOCPATH)");
        skip();
    }
    snprintf(probe, sizeof(probe), "%.1f", 1.5);
    assert_string_equal(probe, "1,5"); /* the locale is really in force */
    assert_int_equal(pk_xlsx_number("4.2000000000000002", 18, buf), 3);
    assert_string_equal(buf, "4.2");
    assert_int_equal(pk_xlsx_number("0.30000000000000004", 19, buf), 19);
    assert_string_equal(buf, "0.30000000000000004");
    assert_int_equal(pk_xlsx_number("1.2345678901234568E+20", 22, buf), 21);
    assert_string_equal(buf, "123456789012345680000");
    assert_int_equal(pk_xlsx_number("1,5", 3, buf), -1);
    setlocale(LC_NUMERIC, "C");
}

static void test_xlsx__numbers_booleans_dates_and_errors_in_cells(void **state)
{
    (void)state;
    expect_rows("<row r=\"1\"><c r=\"A1\"><v>4.2000000000000002</v></c><c r=\"B1\" t=\"n\"><v>1E-3</v></c>"
                "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"b\"><v>0</v></c>"
                "<c r=\"E1\"><f>1+2</f><v>3</v></c><c r=\"F1\" t=\"b\"><f>TRUE()</f><v>1</v></c></row>"
                "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"e\"><f>NA()</f><v>#N/A</v></c>"
                "<c r=\"C2\" t=\"e\"><v>#DIV/0!</v></c></row>"
                "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\"><f>A3*2</f></c></row>"
                "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>\"x\"</f></c></row>"
                "<row r=\"5\"><c r=\"A5\"><v>abc</v></c><c r=\"B5\" t=\"b\"><v>2</v></c>"
                "<c r=\"C5\" t=\"zz\"><v>1</v></c><c r=\"D5\"><v>1E+999</v></c></row>"
                "<row r=\"6\"><c r=\"A6\" t=\"s\"><v>0</v></c><c r=\"B6\" t=\"s\"><v>-1</v></c></row>"
                "<row r=\"7\"><c r=\"A7\"><v>7</v></c></row>",
                "<si><t>only</t></si>",
                "[Sheet1]\n"
                "1:1=4.2/N 1:2=0.001/N 1:3=TRUE/B 1:4=FALSE/B 1:5=3/N 1:6=TRUE/B\n"
                "! Sheet1!2:2 xlsx.cell: the cell holds the error value #N/A\n"
                "! Sheet1!2:3 xlsx.cell: the cell holds the error value #DIV/0!\n"
                "bad row (-4)\n"
                "! Sheet1!3:2 xlsx.cell: formula without a saved value: open the workbook in "
                "Excel or LibreOffice and save it again\n"
                "bad row (-4)\n"
                "! Sheet1!4:1 xlsx.cell: formula without a saved value: open the workbook in "
                "Excel or LibreOffice and save it again\n"
                "bad row (-4)\n"
                "! Sheet1!5:1 xlsx.cell: a number cell holds 'abc', which is not a number\n"
                "! Sheet1!5:2 xlsx.cell: a TRUE/FALSE cell holds '2', not 1 or 0\n"
                "! Sheet1!5:3 xlsx.cell: a cell of unknown type 'zz'\n"
                "! Sheet1!5:4 xlsx.cell: the number 1E+999 is beyond what a workbook can hold\n"
                "bad row (-4)\n"
                "! Sheet1!6:2 xlsx.cell: shared string '-1' does not exist (the workbook has 1)\n"
                "bad row (-4)\n"
                "7:1=7/N\n");
    /* An index past the table. */
    expect_rows("<row><c t=\"s\"><v>1</v></c></row>", "<si><t>only</t></si>",
                "[Sheet1]\n! Sheet1!1:1 xlsx.cell: shared string '1' does not exist (the "
                "workbook has 1)\nbad row (-4)\n");
}

static void test_xlsx__skipped_cells_sparse_rows_and_empty_rows(void **state)
{
    (void)state;
    expect_rows(/* C7 after A7: B7 is empty */
                "<row r=\"7\"><c r=\"A7\"><v>1</v></c><c r=\"C7\"><v>3</v></c></row>"
                /* no r at all: cells and rows follow in order */
                "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E8\"><v>5</v></c><c><v>6</v></c></row>"
                /* empty rows: no cells, styled blanks, empty strings */
                "<row r=\"10\"/><row r=\"11\"><c r=\"A11\" s=\"3\"/></row>"
                "<row r=\"12\"><c r=\"A12\" t=\"inlineStr\"><is><t></t></is></c>"
                "<c r=\"B12\" t=\"str\"><f>\"\"</f><v></v></c></row>"
                /* trailing empty cells go; a value far right makes the row wide */
                "<row r=\"13\"><c r=\"B13\"><v>2</v></c><c r=\"C13\" s=\"1\"/>"
                "<c r=\"D13\" t=\"inlineStr\"><is><t></t></is></c></row>"
                "<row r=\"14\"><c r=\"AB14\"><v>28</v></c></row>"
                /* cells out of order are placed by their reference */
                "<row r=\"15\"><c r=\"B15\"><v>2</v></c><c r=\"A15\"><v>1</v></c></row>"
                /* the same cell twice */
                "<row r=\"16\"><c r=\"A16\"><v>1</v></c><c r=\"A16\"><v>2</v></c></row>"
                "<row r=\"17\"><c r=\"A1B\"><v>1</v></c></row>"
                "<row r=\"18\"><c r=\"XFE18\"><v>1</v></c></row>"
                "<row r=\"0\"><c><v>1</v></c></row>"
                "<row r=\"20\"><c r=\"a20\"><v>1</v></c></row>",
                NULL,
                "[Sheet1]\n"
                "7:1=1/N 7:2= 7:3=3/N\n"
                "8:1=1/N 8:2=2/N 8:3= 8:4= 8:5=5/N 8:6=6/N\n"
                "13:1= 13:2=2/N\n"
                "14:1= 14:2= 14:3= 14:4= 14:5= 14:6= 14:7= 14:8= 14:9= 14:10= 14:11= 14:12= "
                "14:13= 14:14= 14:15= 14:16= 14:17= 14:18= 14:19= 14:20= 14:21= 14:22= 14:23= "
                "14:24= 14:25= 14:26= 14:27= 14:28=28/N\n"
                "15:1=1/N 15:2=2/N\n"
                "! Sheet1!16:1 xlsx.cell: cell A16 appears twice in its row\n"
                "bad row (-4)\n"
                "! Sheet1!17:1 xlsx.cell: 'A1B' is not a cell reference (columns A to XFD, "
                "rows 1 to 1048576)\n"
                "bad row (-4)\n"
                "! Sheet1!18:1 xlsx.cell: 'XFE18' is not a cell reference (columns A to XFD, "
                "rows 1 to 1048576)\n"
                "bad row (-4)\n"
                "! Sheet1!19:0 xlsx.cell: row number '0' is not one of a sheet's rows (1 to "
                "1048576)\n"
                "bad row (-4)\n"
                "20:1=1/N\n");
}

static void test_xlsx__several_sheets_in_order_with_names_and_reselection(void **state)
{
    static const char *const names[] = { "Rekap &amp; Data", "Dua", "Tiga" };
    static const char *const rows[] = { "<row><c t=\"inlineStr\"><is><t>satu</t></is></c></row>",
                                        "<row><c><v>2</v></c></row>",
                                        "<row r=\"3\"><c r=\"C3\"><v>3</v></c></row>" };
    size_t len;
    char *z = book(3, names, rows, NULL, &len);
    pk_report rep;
    pk_xlsx *x = NULL;
    pk_csv_cell *cells;
    size_t n;
    (void)state;
    assert_string_equal(read_book(z, len), "[Rekap & Data]\n1:1=satu\n[Dua]\n1:1=2/N\n"
                                           "[Tiga]\n3:1= 3:2= 3:3=3/N\n");
    /* Select again, out of order, and restart a sheet half read. */
    pk_report_init(&rep, "book.xlsx", on_diag, NULL, NULL);
    assert_int_equal(pk_xlsx_open(&x, -1, z, len, &rep), 0);
    assert_int_equal(pk_xlsx_sheet_count(x), 3);
    assert_string_equal(pk_xlsx_sheet_name(x, 0), "Rekap & Data");
    assert_null(pk_xlsx_sheet_name(x, 3));
    assert_int_equal(pk_xlsx_select(x, 2, &rep), 0);
    assert_int_equal(pk_xlsx_select(x, 0, &rep), 0);
    assert_int_equal(pk_xlsx_next(x, &cells, &n, &rep), 1);
    assert_string_equal(cells[0].text, "satu");
    assert_int_equal(pk_xlsx_select(x, 0, &rep), 0);
    assert_int_equal(pk_xlsx_next(x, &cells, &n, &rep), 1);
    assert_string_equal(cells[0].text, "satu");
    assert_int_equal(pk_xlsx_next(x, &cells, &n, &rep), 0);
    assert_int_equal(pk_xlsx_next(x, &cells, &n, &rep), 0);
    free(out.s);
    memset(&out, 0, sizeof(out));
    assert_int_equal(pk_xlsx_select(x, 3, &rep), PEKPPP_EINVALID);
    assert_string_equal(out.s, "! :0:0 xlsx.file: the workbook has no sheet number 4 (it has 3)\n");
    pk_xlsx_free(x);
    free(z);
}

static void test_xlsx__the_caller_s_sheet_name_is_restored(void **state)
{
    size_t len;
    char *z = book1("<row><c t=\"e\"><v>#REF!</v></c></row>", NULL, &len);
    pk_report rep;
    pk_xlsx *x = NULL;
    pk_csv_cell *cells;
    size_t n;
    (void)state;
    free(out.s);
    memset(&out, 0, sizeof(out));
    pk_report_init(&rep, "book.xlsx", on_diag, NULL, NULL);
    rep.sheet = "caller";
    assert_int_equal(pk_xlsx_open(&x, -1, z, len, &rep), 0);
    assert_int_equal(pk_xlsx_select(x, 0, &rep), 0);
    assert_int_equal(pk_xlsx_next(x, &cells, &n, &rep), PEKPPP_EINVALID);
    assert_true(pk_xlsx_row_bad(x));
    assert_string_equal(rep.sheet, "caller");
    assert_int_equal(pk_xlsx_next(x, &cells, &n, &rep), 0);
    assert_false(pk_xlsx_row_bad(x));
    assert_string_equal(out.s, "! Sheet1!1:1 xlsx.cell: the cell holds the error value #REF!\n");
    pk_xlsx_free(x);
    free(z);
}

/* ------------------------------------------------------------------------ */
/* Real workbooks                                                            */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void test_xlsx__workbooks_written_by_libreoffice(void **state)
{
    size_t len;
    char *z;
    int fd;
    (void)state;
    z = slurp(PEKPPP_TEST_FIXTURES "/xlsx/libreoffice-basic.xlsx", &len);
    assert_string_equal(read_book(z, len),
                        "[libreoffice-basic]\n"
                        "1:1=unit_id 1:2=unit_name 1:3=level 1:4=score\n"
                        "2:1=u1 2:2=Kantor A 2:3=3/N 2:4=4.25/N\n"
                        "3:1=u2 3:2=Kantor, B 3:3=4/N 3:4=3.5/N\n"
                        "4:1=u3 4:2=\xc3\x9cmlaut \xc3\x9f 4:3=2/N 4:4=0.1/N\n");
    free(z);
    /* From a file descriptor, the same. */
    fd = open(PEKPPP_TEST_FIXTURES "/xlsx/libreoffice-sheets.xlsx", O_RDONLY);
    assert_true(fd >= 0);
    assert_string_equal(read_book_fd(fd, NULL, 0),
                        "[Data]\n"
                        "1:1=id 1:2=value 1:3=twice\n"
                        "2:1=a 2:2=4.2/N 2:3=8.4/N\n"
                        "3:1=b 3:2=0.1/N 3:3=0.3/N\n"
                        "! Data!4:3 xlsx.cell: the cell holds the error value #DIV/0!\n"
                        "bad row (-4)\n"
                        "6:1=d 6:2= 6:3=xd\n"
                        "[Second sheet]\n"
                        "1:1= 1:2= 1:3=1000000/N\n"
                        "2:1=-0.001/N\n");
}

static void test_xlsx__a_workbook_from_a_pipe(void **state)
{
    size_t len;
    char *z = slurp(PEKPPP_TEST_FIXTURES "/xlsx/libreoffice-basic.xlsx", &len);
    int p[2];
    (void)state;
    assert_int_equal(pipe(p), 0);
    assert_true(len < 60000); /* fits the pipe's buffer */
    assert_int_equal(write(p[1], z, len), (ssize_t)len);
    close(p[1]);
    assert_non_null(strstr(read_book_fd(p[0], NULL, 0), "4:1=u3 "));
    free(z);
}

static void test_xlsx__a_workbook_written_by_libxlsxwriter(void **state)
{
    char path[] = "/tmp/test_xlsx_w_XXXXXX";
    int fd = mkstemp(path);
    lxw_workbook *wb;
    lxw_worksheet *ws, *ws2;
    (void)state;
    assert_true(fd >= 0);
    close(fd);
    wb = workbook_new(path);
    assert_non_null(wb);
    ws = workbook_add_worksheet(wb, "Penilaian");
    ws2 = workbook_add_worksheet(wb, "Catatan");
    worksheet_write_string(ws, 0, 0, "unit_id", NULL);
    worksheet_write_string(ws, 0, 1, "skor", NULL);
    worksheet_write_string(ws, 1, 0, "  spasi  ", NULL);
    worksheet_write_number(ws, 1, 1, 4.2, NULL);
    worksheet_write_number(ws, 2, 1, 0.1 + 0.2, NULL);
    worksheet_write_boolean(ws, 2, 2, 1, NULL);
    worksheet_write_formula_num(ws, 3, 1, "=B2*2", NULL, 8.4);
    worksheet_write_formula_str(ws, 3, 2, "=\"a\"&\"b\"", NULL, "ab");
    worksheet_write_string(ws2, 4, 3, "jauh", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    assert_string_equal(read_book_fd(fd, NULL, 0),
                        "[Penilaian]\n"
                        "1:1=unit_id 1:2=skor\n"
                        "2:1=  spasi   2:2=4.2/N\n"
                        /* libxlsxwriter stores 0.1 + 0.2 with 16 digits: "0.3" */
                        "3:1= 3:2=0.3/N 3:3=TRUE/B\n"
                        "4:1= 4:2=8.4/N 4:3=ab\n"
                        "[Catatan]\n"
                        "5:1= 5:2= 5:3= 5:4=jauh\n");
    unlink(path);
}

/* ------------------------------------------------------------------------ */
/* Hostile and broken workbooks                                              */

static const char *types_xlsx =
    TYPES_HEAD "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" XLSX_MAIN "\"/></Types>";
static const char *wb_one = "<workbook " NS "><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
                            "</sheets></workbook>";
static const char *rels_one =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_SHEET "\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>";

/* Read a workbook of the three usual parts and @p extra. */
static const char *read_parts(const part *extra, size_t n)
{
    const part usual[3] = { { "[Content_Types].xml", types_xlsx, 0, 0 },
                            { "xl/workbook.xml", wb_one, 0, 0 },
                            { "xl/_rels/workbook.xml.rels", rels_one, 0, 0 } };
    part parts[12];
    size_t len, i, j, k = 0;
    char *z;
    const char *got;
    /* An extra part replaces the usual one of its name, or with data NULL removes it. */
    for (i = 0; i < 3; i++) {
        for (j = 0; j < n && strcmp(extra[j].name, usual[i].name) != 0; j++)
            ;
        if (j == n)
            parts[k++] = usual[i];
    }
    for (j = 0; j < n; j++)
        if (extra[j].data)
            parts[k++] = extra[j];
    z = make_zip(parts, k, &len);
    got = read_book(z, len);
    free(z);
    return got;
}

static void test_xlsx__old_xls_macro_ods_and_other_files_are_refused_with_what_to_do(void **state)
{
    static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an old workbook";
    const char *got;
    (void)state;
    assert_true(pk_xlsx_sniff(ole2, 8));
    assert_true(pk_xlsx_sniff("PK\x03\x04", 4));
    assert_false(pk_xlsx_sniff("PK\x03", 3));
    assert_false(pk_xlsx_sniff("unit_id,unit_name\n", 18));
    assert_string_equal(read_book(ole2, sizeof(ole2) - 1),
                        "! :0:0 xlsx.file: an Excel 97-2003 workbook (.xls) or a "
                        "password-protected workbook: save it as an Excel Workbook (.xlsx), "
                        "without a password\n");
    assert_string_equal(read_book("unit_id;x\n", 10),
                        "! :0:0 xlsx.file: not an .xlsx workbook: the file does not start like "
                        "a zip archive\n");
    assert_string_equal(read_book("", 0),
                        "! :0:0 xlsx.file: not an .xlsx workbook: the file does not start like "
                        "a zip archive\n");
    {
        const part p[] = { { "[Content_Types].xml",
                             TYPES_HEAD "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
                                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/>"
                                        "</Types>", 0, 0 } };
        assert_string_equal(read_parts(p, 1), "! :0:0 xlsx.file: a macro-enabled workbook "
                                              "(.xlsm): save it as an Excel Workbook (.xlsx)\n");
    }
    {
        part ods[2] = { { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, 1 },
                        { "content.xml", "<office:document-content/>", 0, 0 } };
        size_t len;
        char *z = make_zip(ods, 2, &len);
        assert_string_equal(read_book(z, len),
                            "! :0:0 xlsx.file: an OpenDocument spreadsheet (.ods): save it as an "
                            "Excel Workbook (.xlsx) or as CSV UTF-8\n");
        free(z);
        ods[0].data = "just a zip";
        ods[0].name = "readme.txt";
        z = make_zip(ods, 2, &len);
        assert_string_equal(read_book(z, len),
                            "! :0:0 xlsx.file: a zip archive that holds no workbook (no "
                            "[Content_Types].xml): is it an .xlsx file?\n");
        free(z);
    }
    {
        const part p[] = { { "[Content_Types].xml",
                             TYPES_HEAD "<Override PartName=\"/word/document.xml\" ContentType=\""
                                        "application/vnd.openxmlformats-officedocument."
                                        "wordprocessingml.document.main+xml\"/></Types>", 0, 0 } };
        got = read_parts(p, 1);
        assert_string_equal(got, "! :0:0 xlsx.file: an Office document that is not a workbook: "
                                 "save the data as an Excel Workbook (.xlsx) or as CSV UTF-8\n");
    }
}

static void test_xlsx__missing_parts_say_the_file_is_damaged(void **state)
{
    (void)state;
    {
        const part p[] = { { "xl/workbook.xml", NULL, 0, 0 } };
        assert_string_equal(read_parts(p, 1), "! :0:0 xlsx.file: the workbook's part "
                                              "xl/workbook.xml is missing: the file is damaged\n");
    }
    {
        const part p[] = { { "xl/_rels/workbook.xml.rels", NULL, 0, 0 } };
        assert_string_equal(read_parts(p, 1),
                            "! :0:0 xlsx.file: the workbook's part xl/_rels/workbook.xml.rels is "
                            "missing: the file is damaged\n");
    }
    /* The relationship names a sheet the zip does not hold. */
    assert_string_equal(read_parts(NULL, 0), "! S!0:0 xlsx.file: the workbook's part "
                                             "xl/worksheets/sheet1.xml is missing: the file is "
                                             "damaged\n");
    {
        const part p[] = { { "xl/workbook.xml",
                             "<workbook " NS "><sheets><sheet name=\"S\" sheetId=\"1\" "
                             "r:id=\"rId7\"/></sheets></workbook>", 0, 0 },
                           { "xl/worksheets/sheet1.xml", "<worksheet/>", 0, 0 } };
        assert_string_equal(read_parts(p, 2), "! S!0:0 xlsx.file: the workbook names no part for "
                                              "sheet 'S': the file is damaged\n");
    }
    {
        const part p[] = { { "xl/workbook.xml", "<workbook " NS "><sheets/></workbook>", 0, 0 } };
        assert_string_equal(read_parts(p, 1), "! :0:0 xlsx.file: the workbook has no sheets\n");
    }
    {
        const part p[] = {
            { "xl/_rels/workbook.xml.rels",
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"" REL_SHEET "\" Target=\"worksheets/sheet1.xml\"/>"
              "<Relationship Id=\"rId2\" Type=\"" REL_SST "\" Target=\"strings.xml\"/>"
              "</Relationships>", 0, 0 },
            { "xl/worksheets/sheet1.xml", "<worksheet/>", 0, 0 } };
        assert_string_equal(read_parts(p, 2), "! :0:0 xlsx.file: the workbook's part "
                                              "xl/strings.xml is missing: the file is damaged\n");
    }
    /* ../ and %20 in a target, a no-namespace sheet: read. */
    {
        const part p[] = {
            { "xl/_rels/workbook.xml.rels",
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"" REL_SHEET "\" Target=\"./x/../sheets/my%20sheet.xml\"/>"
              "</Relationships>", 0, 0 },
            { "xl/sheets/my sheet.xml",
              "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>", 0, 0 } };
        assert_string_equal(read_parts(p, 2), "[S]\n1:1=1/N\n");
    }
}

static void test_xlsx__prefixed_and_strict_namespaces_and_foreign_elements(void **state)
{
    const part p[] = {
        { "xl/workbook.xml",
          "<x:workbook xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" "
          "xmlns:rel=\"http://purl.oclc.org/ooxml/officeDocument/relationships\"><x:sheets>"
          "<x:sheet name=\"Strict\" sheetId=\"1\" rel:id=\"rId1\"/></x:sheets></x:workbook>", 0, 0 },
        { "xl/worksheets/sheet1.xml",
          "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          "xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\">"
          "<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x14:c><x14:v>9</x14:v></x14:c>"
          "<x:c t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\"> two </x:t></x:is></x:c>"
          "</x:row></x:sheetData></x:worksheet>", 0, 0 } };
    (void)state;
    assert_string_equal(read_parts(p, 2), "[Strict]\n1:1=1/N 1:2= two \n");
}

/* A zip's local and central headers both give a part's sizes; @p name's are set to
 * @p size (and @p comp compressed, unless 0) everywhere, as a lying zip would. */
static void lie_about_sizes(char *z, size_t len, const char *name, uint32_t size, uint32_t comp)
{
    size_t i, nl = strlen(name);
    for (i = 0; i + 46 + nl <= len; i++) {
        unsigned char *p = (unsigned char *)z + i;
        if (memcmp(p, "PK\x01\x02", 4) == 0 && p[28] == nl && memcmp(p + 46, name, nl) == 0) {
            memcpy(p + 24, &size, 4);
            if (comp)
                memcpy(p + 20, &comp, 4);
        } else if (memcmp(p, "PK\x03\x04", 4) == 0 && p[26] == nl && memcmp(p + 30, name, nl) == 0) {
            memcpy(p + 22, &size, 4);
            if (comp)
                memcpy(p + 18, &comp, 4);
        }
    }
}

static void test_xlsx__zip_bombs_are_stopped_on_the_bytes_inflated(void **state)
{
    size_t big = 48u * 1024u * 1024u, len, i;
    char *bomb = malloc(big + 200), *z;
    const char *got;
    part parts[4];
    (void)state;
    assert_non_null(bomb);
    i = (size_t)sprintf(bomb, "<worksheet " NS "><sheetData><row><c><v>1</v></c></row>");
    memset(bomb + i, ' ', big - i);
    /* A sheet of spaces: over 1000 to 1 */
    parts[0] = (part){ "[Content_Types].xml", types_xlsx, 0, 0 };
    parts[1] = (part){ "xl/workbook.xml", wb_one, 0, 0 };
    parts[2] = (part){ "xl/_rels/workbook.xml.rels", rels_one, 0, 0 };
    parts[3] = (part){ "xl/worksheets/sheet1.xml", bomb, big, 0 };
    z = make_zip(parts, 4, &len);
    assert_true(len < big / 250);
    got = read_book(z, len);
    assert_string_equal(got, "[S]\n1:1=1/N\n! S!1:0 limit: part xl/worksheets/sheet1.xml "
                             "inflates to more than 250 times its compressed size (a zip "
                             "bomb?): refused\nbad row (-7), the end\n");
    /* The same when the zip's directory says the part is 100 bytes. */
    lie_about_sizes(z, len, "xl/worksheets/sheet1.xml", 100, 0);
    got = read_book(z, len);
    assert_non_null(strstr(got, "times its compressed size (a zip bomb?): refused\n"));
    /* And when it claims 100 MB of compressed data in a file of 50 KB. */
    lie_about_sizes(z, len, "xl/worksheets/sheet1.xml", 100, 100u << 20);
    got = read_book(z, len);
    /* (the ratio is taken against at most the file's own size) */
    assert_non_null(strstr(got, "times its compressed size (a zip bomb?): refused\n"));
    free(z);
    /* A workbook part over its own limit, stored (ratio 1). */
    memset(bomb, ' ', big);
    memcpy(bomb, "<workbook", 9);
    parts[1] = (part){ "xl/workbook.xml", bomb, PK_XLSX_MAX_PART + 10, 1 };
    z = make_zip(parts, 3, &len);
    assert_string_equal(read_book(z, len), "! :0:0 limit: part xl/workbook.xml inflates to more "
                                           "than 16777216 bytes, the limit for it: refused\n");
    free(z);
    free(bomb);
}

static void test_xlsx__shared_strings_over_their_limits(void **state)
{
    size_t n = PK_XLSX_MAX_SHARED_STRINGS + 1, i, k, len;
    char *s = malloc(n * 5 + 200), *z;
    part parts[5];
    (void)state;
    assert_non_null(s);
    k = (size_t)sprintf(s, "<sst " NS ">");
    for (i = 0; i < n; i++, k += 5)
        memcpy(s + k, "<si/>", 5);
    k += (size_t)sprintf(s + k, "</sst>");
    parts[0] = (part){ "[Content_Types].xml", types_xlsx, 0, 0 };
    parts[1] = (part){ "xl/workbook.xml", wb_one, 0, 0 };
    parts[2] = (part){ "xl/_rels/workbook.xml.rels", rels_one, 0, 0 };
    parts[3] = (part){ "xl/worksheets/sheet1.xml", "<worksheet/>", 0, 0 };
    parts[4] = (part){ "xl/sharedStrings.xml", s, k, 1 };
    z = make_zip(parts, 5, &len);
    assert_string_equal(read_book(z, len), "! :0:0 limit: more than 2000000 shared strings, the "
                                           "limit: refused\n");
    free(z);
    free(s);
    /* 65 strings of 1 MiB: more text than the table may hold. */
    {
        size_t one = 1024u * 1024u;
        s = malloc(66 * (one + 20) + 200);
        assert_non_null(s);
        k = (size_t)sprintf(s, "<sst " NS ">");
        for (i = 0; i < 65; i++) {
            k += (size_t)sprintf(s + k, "<si><t>");
            memset(s + k, 'a' + (int)(i % 26), one);
            k += one;
            k += (size_t)sprintf(s + k, "</t></si>");
        }
        k += (size_t)sprintf(s + k, "</sst>");
        parts[4] = (part){ "xl/sharedStrings.xml", s, k, 1 };
        z = make_zip(parts, 5, &len);
        assert_string_equal(read_book(z, len), "! :0:0 limit: the shared strings hold more than "
                                               "67108864 bytes of text, the limit: refused\n");
        free(z);
        free(s);
    }
}

static void test_xlsx__doctypes_entities_and_deep_nesting_are_refused(void **state)
{
    static const char laughs[] =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
        "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"
        "</sheetData></worksheet>";
    char deep[4096];
    size_t k = 0, i;
    (void)state;
    {
        const part p[] = { { "xl/worksheets/sheet1.xml", laughs, 0, 0 } };
        assert_string_equal(read_parts(p, 1),
                            "[S]\n! S!0:0 xlsx.file: part xl/worksheets/sheet1.xml declares a "
                            "document type (DOCTYPE), which workbooks never do: refused\n"
                            "bad row (-4), the end\n");
    }
    {
        const part p[] = { { "xl/workbook.xml", "<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\">"
                                                "<workbook/>", 0, 0 } };
        assert_string_equal(read_parts(p, 1), "! :0:0 xlsx.file: part xl/workbook.xml declares a "
                                              "document type (DOCTYPE), which workbooks never do: "
                                              "refused\n");
    }
    {
        const part p[] = { { "xl/worksheets/sheet1.xml",
                             "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&bogus;</t>"
                             "</is></c></row></sheetData></worksheet>", 0, 0 } };
        assert_string_equal(read_parts(p, 1), "[S]\n! S!1:0 xlsx.file: the workbook is damaged: "
                                              "part xl/worksheets/sheet1.xml is not well-formed "
                                              "XML (undefined entity, at its line 1)\n"
                                              "bad row (-3), the end\n");
    }
    /* A cell's error, then the XML breaks in the same row: the first error's code. */
    {
        const part p[] = { { "xl/worksheets/sheet1.xml",
                             "<worksheet><sheetData><row><c r=\"ZZZZ1\"><v>1</v></c><c><</row>",
                             0, 0 } };
        assert_string_equal(read_parts(p, 1),
                            "[S]\n! S!1:1 xlsx.cell: 'ZZZZ1' is not a cell reference (columns A "
                            "to XFD, rows 1 to 1048576)\n! S!1:0 xlsx.file: the workbook is "
                            "damaged: part xl/worksheets/sheet1.xml is not well-formed XML (not "
                            "well-formed (invalid token), at its line 1)\nbad row (-4), the end\n");
    }
    k = (size_t)sprintf(deep, "<worksheet><sheetData><row><c><v>1</v></c></row>");
    for (i = 0; i < 70; i++)
        k += (size_t)sprintf(deep + k, "<x>");
    for (i = 0; i < 70; i++)
        k += (size_t)sprintf(deep + k, "</x>");
    sprintf(deep + k, "</sheetData></worksheet>");
    {
        const part p[] = { { "xl/worksheets/sheet1.xml", deep, 0, 0 } };
        assert_string_equal(read_parts(p, 1), "[S]\n1:1=1/N\n! S!1:0 limit: XML nested deeper "
                                              "than 64 elements in part xl/worksheets/sheet1.xml: "
                                              "refused\nbad row (-7), the end\n");
    }
}

static void test_xlsx__damaged_zips_say_so(void **state)
{
    size_t len, i;
    char *z;
    const char *got;
    const char *rows = "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c>"
                       "</row>";
    (void)state;
    z = book1(rows, NULL, &len);
    /* Cut short: the directory at the end is gone. */
    assert_string_equal(read_book(z, len / 2), "! :0:0 xlsx.file: the workbook is damaged: it is "
                                               "not a zip archive\n");
    /* A byte of the sheet's compressed data flipped: zlib or the CRC says so. */
    for (i = 0; i + 24 < len; i++)
        if (memcmp(z + i, "PK\x03\x04", 4) == 0 && memcmp(z + i + 30, "xl/worksheets/sheet1.xml", 24) == 0)
            break;
    assert_true(i + 24 < len);
    z[i + 30 + 24 + 8] ^= 0x55;
    got = read_book(z, len);
    if (!strstr(got, "! Sheet1!") || !strstr(got, "xlsx.file: the workbook is damaged: ") ||
        !strstr(got, ", in part xl/worksheets/sheet1.xml\n"))
        fail_msg("got: %s", got);
    free(z);
}

static void test_xlsx__a_failed_checksum_is_found_at_the_end_of_its_part(void **state)
{
    part parts[4];
    size_t len, i;
    char *z, *hit = NULL;
    (void)state;
    parts[0] = (part){ "[Content_Types].xml", types_xlsx, 0, 0 };
    parts[1] = (part){ "xl/workbook.xml", wb_one, 0, 0 };
    parts[2] = (part){ "xl/_rels/workbook.xml.rels", rels_one, 0, 0 };
    parts[3] = (part){ "xl/worksheets/sheet1.xml",
                       "<worksheet><sheetData><row><c><v>1234</v></c></row></sheetData></worksheet>",
                       0, 1 };
    z = make_zip(parts, 4, &len);
    for (i = 0; i + 4 < len; i++)
        if (memcmp(z + i, "1234", 4) == 0)
            hit = z + i;
    assert_non_null(hit);
    hit[1] = '9'; /* still well-formed XML, but not the bytes the CRC was taken of */
    assert_string_equal(read_book(z, len),
                        "[S]\n1:1=1934/N\n! S!1:0 xlsx.file: the workbook is damaged: a part "
                        "fails its checksum (CRC), in part xl/worksheets/sheet1.xml\n"
                        "bad row (-3), the end\n");
    free(z);
}

static void test_xlsx__a_million_rows_stream_in_bounded_memory(void **state)
{
    size_t rows = PK_XLSX_MAX_ROWS, k = 0, i, len;
    char *s = malloc(rows * 56 + 200), *z;
    part parts[4];
    pk_report rep;
    pk_xlsx *x = NULL;
    pk_csv_cell *cells;
    size_t n, got = 0;
    int rc;
    (void)state;
    assert_non_null(s);
    k = (size_t)sprintf(s, "<worksheet " NS "><sheetData>");
    for (i = 1; i <= rows; i++)
        k += (size_t)sprintf(s + k, "<row r=\"%zu\"><c r=\"B%zu\"><v>%zu</v></c></row>", i, i, i % 97);
    k += (size_t)sprintf(s + k, "<row><c><v>1</v></c></row></sheetData></worksheet>");
    parts[0] = (part){ "[Content_Types].xml", types_xlsx, 0, 0 };
    parts[1] = (part){ "xl/workbook.xml", wb_one, 0, 0 };
    parts[2] = (part){ "xl/_rels/workbook.xml.rels", rels_one, 0, 0 };
    parts[3] = (part){ "xl/worksheets/sheet1.xml", s, k, 1 }; /* stored: quick under valgrind */
    z = make_zip(parts, 4, &len);
    free(s);
    free(out.s);
    memset(&out, 0, sizeof(out));
    pk_report_init(&rep, "book.xlsx", on_diag, NULL, NULL);
    assert_int_equal(pk_xlsx_open(&x, -1, z, len, &rep), 0);
    assert_int_equal(pk_xlsx_select(x, 0, &rep), 0);
    while ((rc = pk_xlsx_next(x, &cells, &n, &rep)) == 1) {
        got++;
        if (got == rows) {
            assert_int_equal(n, 2);
            assert_int_equal(cells[1].line, rows);
        }
    }
    /* The row after row 1048576 has no number a sheet can have. */
    assert_int_equal(rc, PEKPPP_EINVALID);
    assert_true(pk_xlsx_row_bad(x));
    assert_int_equal(pk_xlsx_next(x, &cells, &n, &rep), 0);
    assert_int_equal(got, rows);
    assert_string_equal(out.s, "! S!1048576:0 xlsx.cell: row number '' is not one of a sheet's "
                               "rows (1 to 1048576)\n");
    pk_xlsx_free(x);
    free(z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xlsx__shared_strings_rich_text_phonetics_and_spaces),
        cmocka_unit_test(test_xlsx__inline_strings_and_formula_strings),
        cmocka_unit_test(test_xlsx__numbers_become_the_shortest_decimal_that_reads_back),
        cmocka_unit_test(test_xlsx__numbers_agree_with_brute_force_on_random_doubles),
        cmocka_unit_test(test_xlsx__numbers_do_not_depend_on_lc_numeric),
        cmocka_unit_test(test_xlsx__numbers_booleans_dates_and_errors_in_cells),
        cmocka_unit_test(test_xlsx__skipped_cells_sparse_rows_and_empty_rows),
        cmocka_unit_test(test_xlsx__several_sheets_in_order_with_names_and_reselection),
        cmocka_unit_test(test_xlsx__the_caller_s_sheet_name_is_restored),
        cmocka_unit_test(test_xlsx__workbooks_written_by_libreoffice),
        cmocka_unit_test(test_xlsx__a_workbook_from_a_pipe),
        cmocka_unit_test(test_xlsx__a_workbook_written_by_libxlsxwriter),
        cmocka_unit_test(test_xlsx__old_xls_macro_ods_and_other_files_are_refused_with_what_to_do),
        cmocka_unit_test(test_xlsx__missing_parts_say_the_file_is_damaged),
        cmocka_unit_test(test_xlsx__prefixed_and_strict_namespaces_and_foreign_elements),
        cmocka_unit_test(test_xlsx__zip_bombs_are_stopped_on_the_bytes_inflated),
        cmocka_unit_test(test_xlsx__shared_strings_over_their_limits),
        cmocka_unit_test(test_xlsx__doctypes_entities_and_deep_nesting_are_refused),
        cmocka_unit_test(test_xlsx__damaged_zips_say_so),
        cmocka_unit_test(test_xlsx__a_failed_checksum_is_found_at_the_end_of_its_part),
        cmocka_unit_test(test_xlsx__a_million_rows_stream_in_bounded_memory),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free(out.s);
    return rc;
}
