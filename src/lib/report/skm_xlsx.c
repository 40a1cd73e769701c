/*
 * `pekppp skm -f xlsx`: the SKM results as a workbook (pekppp/skm.h,
 * docs/formats.md "SKM workbook").
 *
 * Sheets, in this order: the summary (instrument, weight convention, units
 * and respondents, units per mutu with a native chart), IKM (one row per
 * unit, the columns of `skm -f csv` in the same order, then the other
 * conventions that give another mutu), Unsur (one row per unit x unsur),
 * the priority list (lowest NRR first), the respondent profiles and the
 * receipt.  Everything shown was worked out by skm.c; numbers are numeric
 * cells holding the decimal text the other formats print (xlsx_util.c).
 */
#include "skm_internal.h"
#include "xw_internal.h"

#include <string.h>

#include "pekppp/workbook.h"

typedef struct {
    pk_xw x;
    pk_xw_styles st;
    lxw_format *num4;            /* the weighted NRR: four places */
    const pekppp_skm *s;
    const pekppp_report_options *o;
} skm_book;

static const char *sw(const skm_book *b, skm_word id)
{
    return pk_skm_word(b->o, id);
}

static const char *mw(const skm_book *b, pk_msg_id id)
{
    return pk_msg(b->o->lang, id);
}

/* A decimal point as the language writes it, for the texts (weights). */
static char point(const skm_book *b)
{
    return b->o->lang == PEKPPP_LANG_EN ? '.' : ',';
}

static void head(skm_book *b, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *text)
{
    pk_xw_text(&b->x, ws, row, col, text, b->st.head);
}

/* A per-unit sheet's header: unit id, unit name, then @p n more; the
 * header row frozen, the id and name columns wide. */
static void unit_header(skm_book *b, lxw_worksheet *ws, const char *const *cols, size_t n)
{
    size_t i;
    head(b, ws, 0, 0, mw(b, M_X_UNIT_ID));
    head(b, ws, 0, 1, mw(b, M_X_UNIT_NAME));
    for (i = 0; i < n; i++)
        head(b, ws, 0, (uint16_t)(2 + i), cols[i]);
    worksheet_freeze_panes(ws, 1, 0);
    pk_xw_check(&b->x, worksheet_set_column(ws, 0, 0, 18, NULL));
    pk_xw_check(&b->x, worksheet_set_column(ws, 1, 1, 30, NULL));
}

/* A key in column 0 and its text in column 1. */
static void pair(skm_book *b, lxw_worksheet *ws, uint32_t row, const char *key, const char *value)
{
    head(b, ws, row, 0, key);
    pk_xw_text(&b->x, ws, row, 1, value, NULL);
}

static void pair_int(skm_book *b, lxw_worksheet *ws, uint32_t row, const char *key, int64_t v)
{
    head(b, ws, row, 0, key);
    pk_xw_int(&b->x, ws, row, 1, v, NULL);
}

/* "tepat, 1/9 per unsur" or "0,11 per unsur (...)", as every format says it. */
static void convention(const skm_book *b, char *buf, size_t size)
{
    char wt[64];
    const char *weight = pk_skm_weight_text(wt, sizeof(wt), b->s, b->s->weight, point(b));
    if (b->s->weight)
        snprintf(buf, size, "%s%s", weight, sw(b, W_WEIGHTS_LEGACY));
    else
        snprintf(buf, size, "%s%s per unsur", sw(b, W_WEIGHTS_EXACT), weight);
}

static void instrument(const skm_book *b, char *buf, size_t size)
{
    snprintf(buf, size, "%s (%s %s)", b->s->r->id, sw(b, W_VERSION),
             b->s->r->version ? b->s->r->version : "");
}

static void summary_sheet(skm_book *b, lxw_worksheet *ws)
{
    const pekppp_skm *s = b->s;
    const pekppp_rubric *r = s->r;
    uint32_t row = 0, first;
    size_t i, max = 0;
    char buf[512];
    pk_xw_check(&b->x, worksheet_set_column(ws, 0, 0, 28, NULL));
    pk_xw_check(&b->x, worksheet_set_column(ws, 1, 1, 40, NULL));
    pk_xw_check(&b->x, worksheet_set_column(ws, 2, 2, 14, NULL));
    pk_xw_text(&b->x, ws, row++, 0, sw(b, W_TITLE), b->st.title);
    instrument(b, buf, sizeof(buf));
    pair(b, ws, row++, sw(b, W_INSTRUMENT), buf);
    convention(b, buf, sizeof(buf));
    pair(b, ws, row++, sw(b, W_WEIGHTS), buf);
    pair_int(b, ws, row++, sw(b, W_X_UNITS), (int64_t)s->nunits);
    pair_int(b, ws, row++, sw(b, W_RESPONDENTS), s->respondents);
    pair_int(b, ws, row++, sw(b, W_X_EMPTY_ROWS), s->empty);
    row++;
    head(b, ws, row, 0, sw(b, W_MUTU));
    head(b, ws, row, 1, sw(b, W_KINERJA));
    head(b, ws, row++, 2, sw(b, W_X_UNITS));
    first = row;
    for (i = 0; i < r->nbands && i < 16; i++, row++) {
        pk_xw_text(&b->x, ws, row, 0, r->bands[i].grade, pk_xw_band(&b->st, &r->bands[i]));
        pk_xw_text(&b->x, ws, row, 1, r->bands[i].label, NULL);
        pk_xw_int(&b->x, ws, row, 2, (int64_t)s->grades[i], NULL);
        max = s->grades[i] > max ? s->grades[i] : max;
    }
    pk_xw_grade_chart(&b->x, ws, mw(b, M_X_SH_SUMMARY), first, r->nbands < 16 ? r->nbands : 16,
                      max, sw(b, W_X_CHART), sw(b, W_MUTU), sw(b, W_X_UNITS));
}

/* The other conventions that give this unit another mutu: "0,11: 87,43 B; ...". */
static void other_conventions(const skm_book *b, const pk_skm_unit *u, char *buf, size_t size)
{
    size_t i, n = 0;
    buf[0] = '\0';
    for (i = 0; i < u->nalts && n + 1 < size; i++) {
        const pk_skm_alt *a = &u->alts[i];
        char wt[64], idx[48];
        int k;
        if (a->band == u->res->band)
            continue;
        if (pk_fixed_format(idx, sizeof(idx), a->index_rounded, b->s->r->decimals) < 0)
            idx[0] = '\0';
        if (point(b) == ',' && strchr(idx, '.'))
            *strchr(idx, '.') = ',';
        k = snprintf(buf + n, size - n, "%s%s %s: %s %s", n ? "; " : "", sw(b, W_WITH_WEIGHT),
                     pk_skm_weight_text(wt, sizeof(wt), b->s, a->weight, point(b)), idx,
                     a->band ? a->band->grade : "?");
        if (k < 0 || (size_t)k >= size - n)
            break;
        n += (size_t)k;
    }
}

static void ikm_sheet(skm_book *b, lxw_worksheet *ws)
{
    const pekppp_skm *s = b->s;
    const pekppp_rubric *r = s->r;
    const int dec = r->decimals;
    uint16_t c, nc = (uint16_t)(4 + r->nindicators);
    uint32_t row = 1;
    size_t i, k;
    char buf[1024];
    head(b, ws, 0, 0, mw(b, M_X_UNIT_ID));
    head(b, ws, 0, 1, mw(b, M_X_UNIT_NAME));
    head(b, ws, 0, 2, sw(b, W_RESPONDENTS));
    head(b, ws, 0, 3, sw(b, W_X_EMPTY_ROWS));
    for (i = 0; i < r->nindicators; i++) {
        snprintf(buf, sizeof(buf), "NRR %s", r->indicators[i].id);
        head(b, ws, 0, (uint16_t)(4 + i), buf);
    }
    head(b, ws, 0, nc, sw(b, W_IKM));
    head(b, ws, 0, (uint16_t)(nc + 1), sw(b, W_IKM_UNIT));
    head(b, ws, 0, (uint16_t)(nc + 2), sw(b, W_MUTU));
    head(b, ws, 0, (uint16_t)(nc + 3), sw(b, W_KINERJA));
    head(b, ws, 0, (uint16_t)(nc + 4), sw(b, W_WEIGHTS));
    head(b, ws, 0, (uint16_t)(nc + 5), sw(b, W_X_OTHER));
    worksheet_freeze_panes(ws, 1, 2);
    pk_xw_check(&b->x, worksheet_set_column(ws, 0, 0, 18, NULL));
    pk_xw_check(&b->x, worksheet_set_column(ws, 1, 1, 30, NULL));
    pk_xw_check(&b->x, worksheet_set_column(ws, nc, (lxw_col_t)(nc + 1), 14, NULL));
    pk_xw_check(&b->x, worksheet_set_column(ws, (lxw_col_t)(nc + 5), (lxw_col_t)(nc + 5), 40, NULL));
    for (k = 0; k < s->nunits && row + 1 < PK_XW_ROWS; k++, row++) {
        const pk_skm_unit *u = &s->units[k];
        pk_xw_text(&b->x, ws, row, 0, u->label, NULL);
        pk_xw_text(&b->x, ws, row, 1, u->ru->unit_name, NULL);
        pk_xw_int(&b->x, ws, row, 2, u->ru->respondents, NULL);
        pk_xw_int(&b->x, ws, row, 3, u->ru->empty, NULL);
        for (i = 0; i < r->nindicators; i++)
            if (u->res && u->ru->counts[i])
                pk_xw_fixed(&b->x, ws, row, (uint16_t)(4 + i), u->nrr_r[i], dec, b->st.num);
        if (u->res) {
            pk_xw_fixed(&b->x, ws, row, nc, u->res->evaluator_rounded, dec, b->st.num);
            pk_xw_fixed(&b->x, ws, row, (uint16_t)(nc + 1), u->res->index_rounded, dec, b->st.num);
            if (u->res->band) {
                pk_xw_text(&b->x, ws, row, (uint16_t)(nc + 2), u->res->band->grade,
                           pk_xw_band(&b->st, u->res->band));
                pk_xw_text(&b->x, ws, row, (uint16_t)(nc + 3), u->res->band->label, NULL);
            }
            other_conventions(b, u, buf, sizeof(buf));
            pk_xw_text(&b->x, ws, row, (uint16_t)(nc + 5), buf, NULL);
        }
        pk_xw_text(&b->x, ws, row, (uint16_t)(nc + 4),
                   pk_skm_weight_text(buf, sizeof(buf), s, s->weight, point(b)), NULL);
    }
    c = (uint16_t)(nc + 5);
    pk_xw_check(&b->x, worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, c));
    if (row > 1 && r->nindicators > 0)
        pk_xw_color_scale(&b->x, ws, 1, 4, row - 1, (uint16_t)(nc - 1));
}

static void unsur_sheet(skm_book *b, lxw_worksheet *ws)
{
    const pekppp_skm *s = b->s;
    const pekppp_rubric *r = s->r;
    uint32_t row = 1;
    size_t i, k;
    const char *const cols[] = { sw(b, W_X_CODE), sw(b, W_UNSUR), sw(b, W_ANSWERED),
                                 sw(b, W_BLANK),  sw(b, W_NRR),   sw(b, W_NRR_W),
                                 sw(b, W_X_RANK) };
    unit_header(b, ws, cols, sizeof(cols) / sizeof(cols[0]));
    pk_xw_check(&b->x, worksheet_set_column(ws, 3, 3, 44, NULL));
    pk_xw_check(&b->x, worksheet_set_column(ws, 7, 7, 16, NULL));
    for (k = 0; k < s->nunits; k++) {
        const pk_skm_unit *u = &s->units[k];
        for (i = 0; i < r->nindicators && row + 1 < PK_XW_ROWS; i++, row++) {
            size_t p;
            pk_xw_text(&b->x, ws, row, 0, u->label, NULL);
            pk_xw_text(&b->x, ws, row, 1, u->ru->unit_name, NULL);
            pk_xw_text(&b->x, ws, row, 2, r->indicators[i].id, NULL);
            pk_xw_text(&b->x, ws, row, 3, r->indicators[i].name, NULL);
            pk_xw_int(&b->x, ws, row, 4, u->ru->counts[i], NULL);
            pk_xw_int(&b->x, ws, row, 5, u->ru->respondents - u->ru->counts[i], NULL);
            if (!u->res || u->ru->counts[i] == 0)
                continue;
            pk_xw_fixed(&b->x, ws, row, 6, u->nrr_r[i], r->decimals, b->st.num);
            pk_xw_fixed(&b->x, ws, row, 7, u->nrr_w_r[i], 4, b->num4);
            for (p = 0; p < u->nrank; p++)
                if (u->rank[p] == i)
                    pk_xw_int(&b->x, ws, row, 8, (int64_t)(p + 1), NULL);
        }
    }
    pk_xw_check(&b->x, worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, 8));
}

static void priority_sheet(skm_book *b, lxw_worksheet *ws)
{
    const pekppp_skm *s = b->s;
    const pekppp_rubric *r = s->r;
    uint32_t row = 1;
    size_t i, k;
    const char *const cols[] = { mw(b, M_X_NO), sw(b, W_X_CODE), sw(b, W_UNSUR), sw(b, W_NRR) };
    unit_header(b, ws, cols, sizeof(cols) / sizeof(cols[0]));
    pk_xw_check(&b->x, worksheet_set_column(ws, 4, 4, 44, NULL));
    for (k = 0; k < s->nunits; k++) {
        const pk_skm_unit *u = &s->units[k];
        for (i = 0; i < u->nrank && row + 1 < PK_XW_ROWS; i++, row++) {
            size_t q = u->rank[i];
            pk_xw_text(&b->x, ws, row, 0, u->label, NULL);
            pk_xw_text(&b->x, ws, row, 1, u->ru->unit_name, NULL);
            pk_xw_int(&b->x, ws, row, 2, (int64_t)(i + 1), NULL);
            pk_xw_text(&b->x, ws, row, 3, r->indicators[q].id, NULL);
            pk_xw_text(&b->x, ws, row, 4, r->indicators[q].name, NULL);
            pk_xw_fixed(&b->x, ws, row, 5, u->nrr_r[q], r->decimals, b->st.num);
        }
    }
}

static void profile_sheet(skm_book *b, lxw_worksheet *ws)
{
    const pekppp_skm *s = b->s;
    const int en = b->o->lang == PEKPPP_LANG_EN;
    uint32_t row = 1;
    size_t i, k;
    int p;
    const char *const cols[] = { sw(b, W_X_PROFILE), sw(b, W_X_VALUE), sw(b, W_X_COUNT) };
    unit_header(b, ws, cols, sizeof(cols) / sizeof(cols[0]));
    pk_xw_check(&b->x, worksheet_set_column(ws, 2, 3, 20, NULL));
    for (k = 0; k < s->nunits; k++) {
        const pk_skm_unit *u = &s->units[k];
        for (p = 0; p < PK_NPROFILES; p++) {
            const pk_resp_tally *t = &u->ru->profiles[p];
            if (!s->rs.has_profile[p])
                continue;
            for (i = 0; i <= t->n && row + 1 < PK_XW_ROWS; i++) {
                if (i == t->n && !t->blank)
                    break;
                pk_xw_text(&b->x, ws, row, 0, u->label, NULL);
                pk_xw_text(&b->x, ws, row, 1, u->ru->unit_name, NULL);
                pk_xw_text(&b->x, ws, row, 2, pk_profile_name(p, en), NULL);
                pk_xw_text(&b->x, ws, row, 3, i < t->n ? t->v[i].value : sw(b, W_BLANK_VALUE),
                           NULL);
                pk_xw_int(&b->x, ws, row++, 4, i < t->n ? t->v[i].count : t->blank, NULL);
            }
        }
    }
}

static void receipt_sheet(skm_book *b, lxw_worksheet *ws)
{
    const pekppp_skm *s = b->s;
    uint32_t row = 0;
    size_t i;
    char buf[512];
    pk_xw_check(&b->x, worksheet_set_column(ws, 0, 0, 22, NULL));
    pk_xw_check(&b->x, worksheet_set_column(ws, 1, 1, 70, NULL));
    pair(b, ws, row++, mw(b, M_H_TOOL), "pekppp " PEKPPP_VERSION);
    instrument(b, buf, sizeof(buf));
    pair(b, ws, row++, sw(b, W_INSTRUMENT), buf);
    pair(b, ws, row++, "SHA-256", s->r->sha256);
    convention(b, buf, sizeof(buf));
    pair(b, ws, row++, sw(b, W_WEIGHTS), buf);
    if (b->o->timestamp)
        pair(b, ws, row++, mw(b, M_H_GENERATED), b->o->timestamp);
    row++;
    head(b, ws, row, 0, mw(b, M_H_INPUT));
    head(b, ws, row++, 1, "SHA-256");
    for (i = 0; i < s->nfiles && row + 1 < PK_XW_ROWS; i++, row++) {
        pk_xw_text(&b->x, ws, row, 0, s->files[i], NULL);
        pk_xw_text(&b->x, ws, row, 1, s->sha256[i], NULL);
    }
}

int pekppp_skm_write_xlsx(const char *path, const pekppp_skm *s, const pekppp_report_options *opts,
                          pekppp_error *err)
{
    pekppp_report_options local;
    lxw_worksheet *summary, *ikm, *unsur, *prio, *prof, *receipt;
    skm_book b;
    char nf[16];
    int rc;
    if (!s || !path || !(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    memset(&b, 0, sizeof(b));
    b.s = s;
    b.o = opts;
    if ((rc = pk_xw_open(&b.x, path, 1, opts->timestamp, pk_skm_word(opts, W_TITLE), err)) < 0)
        return rc;
    /* constant memory: each sheet top to bottom, in the final order */
    summary = pk_xw_sheet(&b.x, mw(&b, M_X_SH_SUMMARY));
    ikm = pk_xw_sheet(&b.x, sw(&b, W_X_IKM));
    unsur = pk_xw_sheet(&b.x, sw(&b, W_UNSUR));
    prio = pk_xw_sheet(&b.x, sw(&b, W_X_PRIORITY));
    prof = pk_xw_sheet(&b.x, sw(&b, W_X_PROFILE));
    receipt = pk_xw_sheet(&b.x, mw(&b, M_X_SH_RECEIPT));
    if (!summary || !ikm || !unsur || !prio || !prof || !receipt) {
        pk_xw_discard(&b.x);
        return PEKPPP_ENOMEM;
    }
    pk_xw_styles_make(&b.x, s->r, &b.st);
    b.num4 = workbook_add_format(b.x.wb);
    format_set_num_format(b.num4, pk_xw_numfmt(nf, sizeof(nf), 4));
    summary_sheet(&b, summary);
    ikm_sheet(&b, ikm);
    unsur_sheet(&b, unsur);
    priority_sheet(&b, prio);
    profile_sheet(&b, prof);
    receipt_sheet(&b, receipt);
    worksheet_activate(summary);
    return pk_xw_close(&b.x, path, err);
}
