/*
 * The workbook writers' cell helpers; see xw_internal.h.
 *
 * Numbers: libxlsxwriter takes a cell's value as a C double and writes it
 * with "%.16G".  We hand it the decimal text we formatted (pk_fixed_format)
 * read by strtod, the double nearest to that text; for at most 15
 * significant digits "%.16G" of that double gives the same digits back, so
 * the sheet's XML holds exactly the number the text and CSV reports print
 * (tests/lo checks the XML).  No arithmetic happens on the double.
 */
#include "xw_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pekppp/workbook.h"

static void set_io(pekppp_error *err, const char *path, const char *why)
{
    char en[512], id[512];
    if (!err)
        return;
    pekppp_error_clear(err);
    err->code = PEKPPP_EIO;
    snprintf(en, sizeof(en), "cannot write the workbook: %s", why);
    snprintf(id, sizeof(id), "buku kerja tidak dapat ditulis: %s", why);
    pekppp_error_set_message(err, en, id);
    pekppp_error_set_file(err, path);
}

/* Seconds since 1970 of "YYYY-MM-DDTHH:MM:SSZ"; 0 when @p s is not that. */
static time_t parse_stamp(const char *s)
{
    int y, mo, d, h, mi, sec;
    long long days;
    int yy, era, yoe, doy, doe, mp;
    if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &sec) != 6 ||
        mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return 0;
    /* Days from the civil date (proleptic Gregorian), integers only. */
    yy = y - (mo <= 2);
    era = (yy >= 0 ? yy : yy - 399) / 400;
    yoe = yy - era * 400;
    mp = (mo + 9) % 12;
    doy = (153 * mp + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    days = (long long)era * 146097 + doe - 719468;
    return (time_t)(days * 86400 + h * 3600 + mi * 60 + sec);
}

int pk_xw_open(pk_xw *x, const char *path, int constant_memory, const char *timestamp,
                 const char *title, pekppp_error *err)
{
    lxw_workbook_options o;
    lxw_doc_properties props;
    time_t created = parse_stamp(timestamp);
    memset(x, 0, sizeof(*x));
    memset(&o, 0, sizeof(o));
    o.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    if (!(x->wb = workbook_new_opt(path, &o))) {
        set_io(err, path, "out of memory");
        return PEKPPP_ENOMEM;
    }
    memset(&props, 0, sizeof(props));
    props.title = (char *)title;
    props.created = created ? created : time(NULL);
    pk_xw_check(x, workbook_set_properties(x->wb, &props));
    return 0;
}

int pk_xw_close(pk_xw *x, const char *path, pekppp_error *err)
{
    lxw_error e;
    if (x->error || x->oom) {
        int oom = x->oom || x->error == LXW_ERROR_MEMORY_MALLOC_FAILED;
        set_io(err, path, oom ? "out of memory" : lxw_strerror(x->error));
        if (err && oom)
            err->code = PEKPPP_ENOMEM;
        pk_xw_discard(x);
        return oom ? PEKPPP_ENOMEM : PEKPPP_EIO;
    }
    e = workbook_close(x->wb);
    x->wb = NULL;
    if (e != LXW_NO_ERROR) {
        set_io(err, path, lxw_strerror(e));
        return e == LXW_ERROR_MEMORY_MALLOC_FAILED ? PEKPPP_ENOMEM : PEKPPP_EIO;
    }
    return 0;
}

void pk_xw_discard(pk_xw *x)
{
    if (x->wb)
        lxw_workbook_free(x->wb);
    x->wb = NULL;
}

void pk_xw_check(pk_xw *x, lxw_error e)
{
    if (e != LXW_NO_ERROR && !x->error)
        x->error = e;
}

lxw_worksheet *pk_xw_sheet(pk_xw *x, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    if (!ws && !x->error)
        x->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
    return ws;
}

void pk_xw_text(pk_xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s,
                  lxw_format *fmt)
{
    char small[512], *buf = small;
    size_t len, n, out = 0, chars = 0;
    uint32_t cp;
    if (!ws || !s || !*s)
        return;
    len = strlen(s);
    if (len >= sizeof(small) && !(buf = pk_malloc(len + 1))) {
        x->oom = 1;
        return;
    }
    for (; *s && chars < PK_XW_CELL_MAX; s += n, chars++) {
        n = pk_utf8_next(s, &cp);
        if (cp != '\t' && cp != '\n' && pk_text_unsafe(cp)) {
            buf[out++] = '?';
        } else {
            memcpy(buf + out, s, n);
            out += n;
        }
    }
    buf[out] = '\0';
    pk_xw_check(x, worksheet_write_string(ws, row, col, buf, fmt));
    if (buf != small)
        pk_free(buf);
}

void pk_xw_fixed(pk_xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, int64_t units,
                   int decimals, lxw_format *fmt)
{
    char text[48];
    if (!ws)
        return;
    if (pk_fixed_format(text, sizeof(text), units, decimals) < 0) {
        pk_xw_check(x, LXW_ERROR_PARAMETER_VALIDATION);
        return;
    }
    pk_xw_check(x, worksheet_write_number(ws, row, col, strtod(text, NULL), fmt));
}

void pk_xw_int(pk_xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, int64_t v,
                 lxw_format *fmt)
{
    pk_xw_fixed(x, ws, row, col, v, 0, fmt);
}

/* Grade colours, best to worst: a band's colour is taken by its place among
 * the rubric's bands; the darkest ends get white text. */
static const lxw_color_t band_fill[] = { 0x1B7837, 0x5AAE61, 0xA6DBA0, 0xD9F0D3, 0xFFF2B2,
                                         0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B };
#define NBAND_COLOURS (sizeof(band_fill) / sizeof(band_fill[0]))

void pk_xw_styles_make(pk_xw *x, const pekppp_rubric *r, pk_xw_styles *st)
{
    lxw_workbook *book = x->wb;
    char nf[16];
    size_t i, n = r->nbands;
    memset(st, 0, sizeof(*st));
    st->bands = r->bands;
    st->nbands = n;
    st->head = workbook_add_format(book);
    format_set_bold(st->head);
    format_set_bg_color(st->head, 0xDDE3EA);
    format_set_bottom(st->head, LXW_BORDER_THIN);
    st->title = workbook_add_format(book);
    format_set_bold(st->title);
    format_set_font_size(st->title, 14);
    st->num = workbook_add_format(book);
    format_set_num_format(st->num, pk_xw_numfmt(nf, sizeof(nf), r->decimals));
    st->wrap = workbook_add_format(book);
    format_set_text_wrap(st->wrap);
    format_set_align(st->wrap, LXW_ALIGN_VERTICAL_TOP);
    for (i = 0; i < n && i < PK_XW_MAX_BANDS; i++) {
        size_t c = n > 1 ? i * (NBAND_COLOURS - 1) / (n - 1) : 0;
        lxw_format *f = workbook_add_format(book);
        format_set_bg_color(f, band_fill[c]);
        format_set_font_color(f, c < 2 || c + 2 >= NBAND_COLOURS ? LXW_COLOR_WHITE : LXW_COLOR_BLACK);
        format_set_bold(f);
        format_set_align(f, LXW_ALIGN_CENTER);
        st->band[i] = f;
    }
}

lxw_format *pk_xw_band(const pk_xw_styles *st, const pekppp_band *b)
{
    size_t i;
    if (!b || !st->bands || b < st->bands)
        return NULL;
    i = (size_t)(b - st->bands);
    return i < st->nbands && i < PK_XW_MAX_BANDS ? st->band[i] : NULL;
}

void pk_xw_color_scale(pk_xw *x, lxw_worksheet *ws, uint32_t r1, uint16_t c1, uint32_t r2,
                       uint16_t c2)
{
    lxw_conditional_format cf;
    if (r2 < r1 || c2 < c1)
        return;
    memset(&cf, 0, sizeof(cf));
    cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
    cf.min_color = 0xF8696B;
    cf.mid_color = 0xFFEB84;
    cf.max_color = 0x63BE7B;
    pk_xw_check(x, worksheet_conditional_format_range(ws, r1, c1, r2, c2, &cf));
}

void pk_xw_grade_chart(pk_xw *x, lxw_worksheet *ws, const char *sheet, uint32_t first,
                       size_t nbands, size_t max, const char *title, const char *x_name,
                       const char *y_name)
{
    lxw_chart *chart;
    lxw_chart_series *s;
    lxw_chart_fill fill;
    if (nbands == 0)
        return;
    chart = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
    s = chart ? chart_add_series(chart, NULL, NULL) : NULL;
    if (!s) {
        x->oom = 1;
        return;
    }
    memset(&fill, 0, sizeof(fill));
    fill.color = 0x2F6DB5;
    chart_series_set_categories(s, sheet, first, 0, first + (uint32_t)nbands - 1, 0);
    chart_series_set_values(s, sheet, first, 2, first + (uint32_t)nbands - 1, 2);
    chart_series_set_name(s, y_name);
    chart_series_set_fill(s, &fill);
    chart_title_set_name(chart, title);
    chart_axis_set_name(chart->x_axis, x_name);
    chart_axis_set_name(chart->y_axis, y_name);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_num_format(chart->y_axis, "0");
    chart_axis_set_min(chart->y_axis, 0);
    /* Counts are whole: no 0.5 tick under a handful of units. */
    if (max <= 10)
        chart_axis_set_major_unit(chart->y_axis, 1);
    pk_xw_check(x, worksheet_insert_chart(ws, 1, 4, chart));
}

const char *pk_xw_numfmt(char *buf, size_t size, int decimals)
{
    int i;
    size_t n = 0;
    if (size < 3)
        return "0";
    buf[n++] = '0';
    if (decimals > 0 && n + 1 < size)
        buf[n++] = '.';
    for (i = 0; i < decimals && n + 1 < size; i++)
        buf[n++] = '0';
    buf[n] = '\0';
    return buf;
}
