/*
 * Respondent rows: one row per respondent, a column per item (docs/formats.md,
 * section SKM).  The one reader of survey answers collected in sheets, used by
 * `pekppp skm` (the SKM unsur) and `score --survey` (the F-03 items).
 *
 * The header names each column: an item by its id (`U1`, `S01`, or a header
 * starting with the id and a separator, `U1. Persyaratan ...`), its name or
 * its question text as Google Forms writes it (also numbered, `1. ...`, and
 * `Title [Row]` of a grid);
 * `unit_id` (aliases `id_unit`, `kode_unit`, `unit`); `unit_name`
 * (`nama_unit`); a timestamp (`Timestamp`, `Stempel waktu`, `Cap waktu`),
 * ignored; the profile columns umur, jenis kelamin, pendidikan, pekerjaan
 * (counted).  Another column is warned about and ignored.  Header texts are
 * compared without case, with `_` as a space and spaces collapsed.
 *
 * An answer is an integer on the scale or one of the item's labels (compared
 * the same way); a blank is not answered.  Anything else is an error at its
 * cell that lists the allowed values.  A row with an error is not counted;
 * a row with no answer is counted apart (`empty`), never as a respondent.
 * Rows go to their unit by the unit column, in the order units first appear;
 * several files add to the same units.  Reads through rows.h, so a CSV file
 * and an .xlsx workbook give the same result.
 */
#ifndef PK_RESPONSES_H
#define PK_RESPONSES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

typedef struct {
    const char *id;
    const char *name;            /* or NULL */
    const char *question;        /* or NULL */
    const char *const *labels;   /* one per scale value, or NULL */
} pk_resp_item;

typedef struct {
    const pk_resp_item *items;
    size_t nitems;
    int scale_min, scale_max;
    bool unit_required;          /* a unit column must be there (F-03) */
} pk_resp_spec;

/* The respondent profile columns. */
enum { PK_PROFILE_AGE, PK_PROFILE_SEX, PK_PROFILE_EDUCATION, PK_PROFILE_JOB, PK_NPROFILES };

typedef struct {
    const char *value;
    long count;
} pk_resp_count;

typedef struct {
    pk_resp_count *v;            /* in the order values first appear */
    size_t n, cap;
    long blank;
} pk_resp_tally;

typedef struct {
    const char *unit_id;         /* NULL when the sheet has no unit column */
    const char *unit_name;       /* or NULL */
    const char *file;            /* where its first row is */
    const char *sheet;
    unsigned line, col;
    long respondents;            /* rows with at least one answer */
    long empty;                  /* rows with no answer: reported, not counted */
    int64_t *sums, *counts;      /* per item */
    pk_resp_tally profiles[PK_NPROFILES];
} pk_resp_unit;

typedef struct {
    pk_arena arena;
    const pk_resp_spec *spec;
    pk_resp_unit *units;
    size_t nunits, cap;
    bool has_unit_column;
    bool has_profile[PK_NPROFILES];
    long bad_rows;               /* rows left out for an error */
} pk_responses;

void pk_responses_init(pk_responses *rs, const pk_resp_spec *spec);

/*
 * Read the file @p path (or, when NULL, the @p len bytes at @p data) and add
 * its rows.  Every problem is reported to @p rep and reading goes on; returns
 * 0, or the first error's code.  @p sha256 (65 bytes, or NULL) gets the
 * input's hash.
 */
int pk_responses_read(pk_responses *rs, const char *path, const char *data, size_t len,
                      pk_report *rep, char *sha256);

/* The unit with this id (NULL: the sheet without a unit column), or NULL. */
const pk_resp_unit *pk_responses_find(const pk_responses *rs, const char *unit_id);

/* The name of profile @p p as reports print it ("umur"), and its English name. */
const char *pk_profile_name(int p, int english);

void pk_responses_free(pk_responses *rs);

#endif
