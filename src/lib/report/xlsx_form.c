/*
 * The fill-in workbook (template -f xlsx): the layout is a contract with
 * its reader (sheet.c), written down in docs/formats.md, "Fill-in workbook".
 *
 * Every sheet is protected without a password, and only the cells to fill
 * carry an unlocked format: the identity values, each indicator's level,
 * evidence and note, and the survey's item cells.  The level cells have a
 * list over the rubric's levels (plus "na" where the indicator allows it),
 * the survey cells whole numbers over the rubric's scale.
 */
#include "xw_internal.h"

#include <string.h>

#include "pekppp/workbook.h"

#define SURVEY_ROWS 200
#define MAX_LEVELS 32

typedef struct {
    pk_xw x;
    const pekppp_rubric *r;
    pekppp_lang lang;
    lxw_format *head, *wrap, *fill, *fill_wrap, *locked, *title;
} form;

static const char *fm(const form *f, pk_msg_id id)
{
    return pk_msg(f->lang, id);
}

/* Copy at most @p max bytes of @p s into @p buf, cut at a character boundary
 * (libxlsxwriter's limits on validation titles and messages). */
static const char *cut(char *buf, size_t max, const char *s)
{
    size_t n = 0, k;
    uint32_t cp;
    while (s && s[n]) {
        k = pk_utf8_next(s + n, &cp);
        if (n + k > max)
            break;
        n += k;
    }
    memcpy(buf, s ? s : "", n);
    buf[n] = '\0';
    return buf;
}

static void protect(form *f, lxw_worksheet *ws)
{
    lxw_protection p;
    memset(&p, 0, sizeof(p));
    p.format_columns = 1; /* widen a column to read a long description */
    p.format_rows = 1;
    worksheet_protect(ws, NULL, &p);
    (void)f;
}

static void help_sheet(form *f, lxw_worksheet *ws)
{
    const pekppp_rubric *r = f->r;
    pk_xw *x = &f->x;
    uint32_t row = 0;
    size_t i;
    char buf[160], w1[32], w2[32];
    static const pk_msg_id lines[] = { M_F_HELP_1, M_F_HELP_2, M_F_HELP_3,
                                       M_F_HELP_4, M_F_HELP_5, M_F_HELP_6 };
    pk_xw_check(x, worksheet_set_column(ws, 0, 0, 14, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 1, 1, 100, f->wrap));
    pk_xw_text(x, ws, row++, 0, fm(f, M_F_HELP_TITLE), f->title);
    pk_xw_text(x, ws, row, 0, fm(f, M_RUBRIC), f->head);
    snprintf(buf, sizeof(buf), "%s (%s %s)", r->id, fm(f, M_VERSION), r->version ? r->version : "");
    pk_xw_text(x, ws, row++, 1, buf, NULL);
    if (r->title)
        pk_xw_text(x, ws, row++, 1, r->title, NULL);
    row++;
    for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
        pk_xw_text(x, ws, row++, 1, fm(f, lines[i]), f->wrap);
    row++;
    pk_xw_text(x, ws, row, 0, fm(f, M_F_SCALE), f->head);
    snprintf(buf, sizeof(buf), "%d-%d", r->scale_min, r->scale_max);
    pk_xw_text(x, ws, row++, 1, buf, NULL);
    if (r->combines_survey) {
        pk_dec_format_short(w1, sizeof(w1), r->combine_evaluator);
        pk_dec_format_short(w2, sizeof(w2), r->combine_survey);
        snprintf(buf, sizeof(buf), "%s / %s", w1, w2);
        pk_xw_text(x, ws, row, 0, fm(f, M_F_HELP_WEIGHTS), f->head);
        pk_xw_text(x, ws, row++, 1, buf, NULL);
    }
    if (r->nsurvey_items > 0) {
        pk_xw_text(x, ws, row, 0, fm(f, M_F_MIN_RESP), f->head);
        pk_xw_int(x, ws, row++, 1, r->min_respondents, NULL);
        row++;
        pk_xw_text(x, ws, row++, 0, fm(f, M_F_HELP_ITEMS), f->title);
        pk_xw_text(x, ws, row, 0, fm(f, M_F_ITEM), f->head);
        pk_xw_text(x, ws, row++, 1, fm(f, M_F_QUESTION), f->head);
        for (i = 0; i < r->nsurvey_items; i++, row++) {
            pk_xw_text(x, ws, row, 0, r->survey_items[i].id, NULL);
            pk_xw_text(x, ws, row, 1, r->survey_items[i].text, f->wrap);
        }
    }
    protect(f, ws);
}

static void identity_sheet(form *f, lxw_worksheet *ws)
{
    static const struct {
        const char *key;
        pk_msg_id desc;
    } keys[] = { { "schema", M_F_D_SCHEMA },           { "rubric", M_F_D_RUBRIC },
                 { "unit_id", M_F_D_UNIT_ID },         { "unit_name", M_F_D_UNIT_NAME },
                 { "institution", M_F_D_INSTITUTION }, { "category", M_F_D_CATEGORY },
                 { "mode", M_F_D_MODE },               { "period", M_F_D_PERIOD },
                 { "assessor", M_F_D_ASSESSOR },       { "survey_score", M_F_D_SURVEY_SCORE },
                 { "survey_respondents", M_F_D_SURVEY_RESP } };
    const pekppp_rubric *r = f->r;
    pk_xw *x = &f->x;
    size_t i, n = sizeof(keys) / sizeof(keys[0]);
    uint32_t row;
    if (!r->has_survey)
        n -= 2; /* no survey in the rubric: no survey keys */
    pk_xw_check(x, worksheet_set_column(ws, 0, 0, 20, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 1, 1, 40, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 2, 2, 70, NULL));
    pk_xw_text(x, ws, 0, 0, fm(f, M_F_KEY), f->head);
    pk_xw_text(x, ws, 0, 1, fm(f, M_F_VALUE), f->head);
    pk_xw_text(x, ws, 0, 2, fm(f, M_F_DESCRIPTION), f->head);
    for (i = 0; i < n; i++) {
        row = (uint32_t)(i + 1);
        pk_xw_text(x, ws, row, 0, keys[i].key, f->locked);
        pk_xw_text(x, ws, row, 2, fm(f, keys[i].desc), f->locked);
        if (i == 0)
            pk_xw_text(x, ws, row, 1, "pekppp/assessment/v1", f->locked);
        else if (i == 1)
            pk_xw_text(x, ws, row, 1, r->id, f->locked);
        else
            pk_xw_check(x, worksheet_write_blank(ws, row, 1, f->fill));
        if (strcmp(keys[i].key, "mode") == 0) {
            static char mandiri[] = "mandiri", nasional[] = "nasional";
            char *modes[] = { mandiri, nasional, NULL };
            lxw_data_validation dv;
            memset(&dv, 0, sizeof(dv));
            dv.validate = LXW_VALIDATION_TYPE_LIST;
            dv.value_list = modes;
            pk_xw_check(x, worksheet_data_validation_cell(ws, row, 1, &dv));
        }
    }
    worksheet_freeze_panes(ws, 1, 0);
    protect(f, ws);
}

/* The level cell's list: the scale, then "na" when @p na. */
static void level_list(form *f, lxw_worksheet *ws, uint32_t row, uint16_t col, int na)
{
    const pekppp_rubric *r = f->r;
    char texts[MAX_LEVELS + 1][8];
    static char na_text[] = "na";
    char *list[MAX_LEVELS + 2];
    size_t k, n = PK_NLEVELS(r) < MAX_LEVELS ? PK_NLEVELS(r) : MAX_LEVELS;
    lxw_data_validation dv;
    char title[40];
    for (k = 0; k < n; k++) {
        snprintf(texts[k], sizeof(texts[k]), "%d", r->scale_min + (int)k);
        list[k] = texts[k];
    }
    if (na)
        list[n++] = na_text;
    list[n] = NULL;
    memset(&dv, 0, sizeof(dv));
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list;
    dv.input_title = (char *)cut(title, 32, fm(f, M_F_LEVEL_PROMPT));
    pk_xw_check(&f->x, worksheet_data_validation_cell(ws, row, col, &dv));
}

static void indicator_sheet(form *f, lxw_worksheet *ws)
{
    const pekppp_rubric *r = f->r;
    pk_xw *x = &f->x;
    size_t nl = PK_NLEVELS(r), i, k;
    uint16_t lc = (uint16_t)(4 + nl); /* the level column */
    uint32_t row = 1;
    char name[32];
    static const pk_msg_id first[] = { M_F_ASPECT, M_F_CODE, M_F_INDICATOR, M_F_WEIGHT };
    for (i = 0; i < 4; i++)
        pk_xw_text(x, ws, 0, (uint16_t)i, fm(f, first[i]), f->head);
    for (k = 0; k < nl; k++) {
        snprintf(name, sizeof(name), "level_%d", r->scale_min + (int)k);
        pk_xw_text(x, ws, 0, (uint16_t)(4 + k), name, f->head);
    }
    pk_xw_text(x, ws, 0, lc, fm(f, M_F_LEVEL), f->head);
    pk_xw_text(x, ws, 0, (uint16_t)(lc + 1), fm(f, M_F_EVIDENCE), f->head);
    pk_xw_text(x, ws, 0, (uint16_t)(lc + 2), fm(f, M_F_NOTE), f->head);
    pk_xw_check(x, worksheet_set_column(ws, 0, 0, 22, f->wrap));
    pk_xw_check(x, worksheet_set_column(ws, 1, 1, 10, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 2, 2, 40, f->wrap));
    pk_xw_check(x, worksheet_set_column(ws, 3, 3, 8, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 4, (lxw_col_t)(lc - 1), 30, f->wrap));
    pk_xw_check(x, worksheet_set_column(ws, lc, lc, 8, NULL));
    pk_xw_check(x, worksheet_set_column(ws, (lxw_col_t)(lc + 1), (lxw_col_t)(lc + 2), 40, NULL));
    for (i = 0; i < r->nindicators; i++, row++) {
        const pekppp_indicator *ind = &r->indicators[i];
        const pekppp_aspect *asp = &r->aspects[ind->aspect];
        pk_xw_text(x, ws, row, 0, asp->name ? asp->name : asp->id, f->wrap);
        pk_xw_text(x, ws, row, 1, ind->id, NULL);
        pk_xw_text(x, ws, row, 2, ind->name, f->wrap);
        pk_xw_fixed(x, ws, row, 3, ind->weight, 4, NULL);
        for (k = 0; k < nl; k++)
            pk_xw_text(x, ws, row, (uint16_t)(4 + k), ind->levels[k], f->wrap);
        pk_xw_check(x, worksheet_write_blank(ws, row, lc, f->fill));
        pk_xw_check(x, worksheet_write_blank(ws, row, (uint16_t)(lc + 1), f->fill_wrap));
        pk_xw_check(x, worksheet_write_blank(ws, row, (uint16_t)(lc + 2), f->fill_wrap));
        level_list(f, ws, row, lc, ind->na_allowed);
    }
    for (i = 0; i < r->nsupplements; i++, row++) {
        const pekppp_supplement *sp = &r->supplements[i];
        pk_xw_text(x, ws, row, 0, fm(f, M_SUPPLEMENTARY), f->wrap);
        pk_xw_text(x, ws, row, 1, sp->id, NULL);
        pk_xw_text(x, ws, row, 2, sp->name, f->wrap);
        for (k = 0; k < nl; k++)
            pk_xw_text(x, ws, row, (uint16_t)(4 + k), sp->levels[k], f->wrap);
        pk_xw_check(x, worksheet_write_blank(ws, row, lc, f->fill));
        pk_xw_check(x, worksheet_write_blank(ws, row, (uint16_t)(lc + 1), f->fill_wrap));
        pk_xw_check(x, worksheet_write_blank(ws, row, (uint16_t)(lc + 2), f->fill_wrap));
        level_list(f, ws, row, lc, 0);
    }
    worksheet_freeze_panes(ws, 1, 3);
    protect(f, ws);
}

static void survey_sheet(form *f, lxw_worksheet *ws)
{
    const pekppp_rubric *r = f->r;
    pk_xw *x = &f->x;
    size_t i;
    uint32_t row;
    char title[40], msg[256];
    pk_xw_text(x, ws, 0, 0, fm(f, M_F_RESPONDENT), f->head);
    for (i = 0; i < r->nsurvey_items; i++)
        pk_xw_text(x, ws, 0, (uint16_t)(1 + i), r->survey_items[i].id, f->head);
    pk_xw_check(x, worksheet_set_column(ws, 0, 0, 12, NULL));
    for (row = 1; row <= SURVEY_ROWS; row++) {
        pk_xw_int(x, ws, row, 0, row, f->locked);
        for (i = 0; i < r->nsurvey_items; i++)
            pk_xw_check(x, worksheet_write_blank(ws, row, (uint16_t)(1 + i), f->fill));
    }
    for (i = 0; i < r->nsurvey_items; i++) {
        lxw_data_validation dv;
        memset(&dv, 0, sizeof(dv));
        dv.validate = LXW_VALIDATION_TYPE_INTEGER;
        dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        dv.minimum_number = r->scale_min;
        dv.maximum_number = r->scale_max;
        dv.input_title = (char *)cut(title, 32, r->survey_items[i].id);
        dv.input_message = (char *)cut(msg, 250, r->survey_items[i].text);
        pk_xw_check(x, worksheet_data_validation_range(ws, 1, (lxw_col_t)(1 + i), SURVEY_ROWS,
                                                         (lxw_col_t)(1 + i), &dv));
    }
    worksheet_freeze_panes(ws, 1, 1);
    protect(f, ws);
}

int pekppp_template_write_xlsx(const char *path, const pekppp_rubric *r,
                               const pekppp_report_options *opts, pekppp_error *err)
{
    pekppp_report_options local;
    form f;
    lxw_worksheet *help, *id, *ind, *sv = NULL;
    int rc;
    if (!(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    memset(&f, 0, sizeof(f));
    f.r = r;
    f.lang = opts->lang;
    if ((rc = pk_xw_open(&f.x, path, 0, opts->timestamp, r->title, err)) < 0)
        return rc;
    f.head = workbook_add_format(f.x.wb);
    format_set_bold(f.head);
    format_set_bg_color(f.head, 0xDDE3EA);
    format_set_bottom(f.head, LXW_BORDER_THIN);
    f.title = workbook_add_format(f.x.wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.wrap = workbook_add_format(f.x.wb);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.locked = workbook_add_format(f.x.wb);
    format_set_bg_color(f.locked, 0xF2F2F2);
    f.fill = workbook_add_format(f.x.wb);
    format_set_unlocked(f.fill);
    format_set_bg_color(f.fill, 0xFFF7D6);
    format_set_border(f.fill, LXW_BORDER_THIN);
    format_set_align(f.fill, LXW_ALIGN_VERTICAL_TOP);
    f.fill_wrap = workbook_add_format(f.x.wb);
    format_set_unlocked(f.fill_wrap);
    format_set_bg_color(f.fill_wrap, 0xFFF7D6);
    format_set_border(f.fill_wrap, LXW_BORDER_THIN);
    format_set_text_wrap(f.fill_wrap);
    format_set_align(f.fill_wrap, LXW_ALIGN_VERTICAL_TOP);
    help = pk_xw_sheet(&f.x, fm(&f, M_F_SH_HELP));
    id = pk_xw_sheet(&f.x, fm(&f, M_F_SH_IDENTITY));
    ind = pk_xw_sheet(&f.x, fm(&f, M_F_SH_INDICATORS));
    if (r->nsurvey_items > 0)
        sv = pk_xw_sheet(&f.x, fm(&f, M_F_SH_SURVEY));
    if (!help || !id || !ind || (r->nsurvey_items > 0 && !sv)) {
        pk_xw_discard(&f.x);
        return PEKPPP_ENOMEM;
    }
    help_sheet(&f, help);
    identity_sheet(&f, id);
    indicator_sheet(&f, ind);
    if (sv)
        survey_sheet(&f, sv);
    worksheet_activate(id);
    return pk_xw_close(&f.x, path, err);
}
