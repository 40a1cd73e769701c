/*
 * embed.c: using libpekppp from your own program, through the public API only.
 *
 *   usage: pekppp-embed RUBRIC.yaml UNIT.yaml
 *
 * Loads a rubric and a unit file, scores the unit, prints the rounded index
 * and the grade, then renders the full JSON report into a memory buffer and
 * prints it.  Build it against an installed library with pkg-config:
 *
 *   cc embed.c $(pkg-config --cflags --libs pekppp) -o pekppp-embed
 *
 * (add --static to pkg-config when only the static libpekppp.a is installed).
 * The library never prints or exits: every fallible call returns 0 or a
 * negative pekppp_error_code and fills a caller-owned pekppp_error.
 */
#include <stdio.h>
#include <stdlib.h>

#include <pekppp.h>

/* Print a located error as `file:line:column: message`, leaving out the
 * parts the library could not fill (say, a file that cannot be opened has
 * no line).  @p fallback names the input when the error names no file. */
static void print_error(const pekppp_error *err, const char *fallback)
{
    const char *file = err->file[0] ? err->file : fallback;
    if (err->line > 0)
        fprintf(stderr, "%s:%u:%u: ", file, err->line, err->column);
    else
        fprintf(stderr, "%s: ", file);
    if (err->path[0])
        fprintf(stderr, "%s: ", err->path);
    fprintf(stderr, "%s (code %d)\n", err->message[0] ? err->message : "error", err->code);
}

int main(int argc, char **argv)
{
    pekppp_rubric *rubric = NULL;         /* owned: pekppp_rubric_free() */
    pekppp_assessment *unit = NULL;       /* owned: pekppp_assessment_free() */
    pekppp_result *result = NULL;         /* owned: pekppp_result_free() */
    pekppp_assessment_options load = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_report_options report = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_error err;                     /* filled by the call that failed */
    pekppp_sink sink;
    const pekppp_band *band;
    char index[32];
    int status = EXIT_FAILURE;

    if (argc != 3) {
        fprintf(stderr, "usage: %s RUBRIC.yaml UNIT.yaml\n", argv[0]);
        return 2;
    }

    /* 1. The rubric: aspects, indicators, weights and grade bands.  NULL
     *    options mean the defaults (no callback for each diagnostic). */
    if (pekppp_rubric_load_file(&rubric, argv[1], NULL, &err) < 0) {
        print_error(&err, argv[1]);
        goto out;
    }

    /* 2. The unit's answers, checked against that rubric.  Giving the rubric
     *    outright skips the lookup by id (a resolve callback could instead
     *    find it from the file's `rubric:`); the ids must still match. */
    load.rubric = rubric;
    if (pekppp_assessment_load_file(&unit, argv[2], &load, &err) < 0) {
        print_error(&err, argv[2]);
        goto out;
    }

    /* 3. Score: exact rational arithmetic, one half-up rounding. */
    if (pekppp_score(&result, unit, &err) < 0) {
        print_error(&err, argv[2]);
        goto out;
    }

    /* The rounded index is a fixed-point decimal; format it without floats.
     * The band (grade and label) is read from the rounded index. */
    if (pekppp_fixed_format(index, sizeof(index), pekppp_result_index(result)) < 0) {
        fprintf(stderr, "%s: index does not fit the buffer\n", argv[2]);
        goto out;
    }
    band = pekppp_result_band(result);
    printf("lib   : libpekppp %s\n", pekppp_version());
    printf("unit  : %s (%s)\n", pekppp_assessment_unit_name(unit), pekppp_assessment_unit_id(unit));
    printf("index : %s\n", index);
    printf("grade : %s (%s)\n", band ? band->grade : "?", band ? band->label : "?");

    /* 4. The full report as JSON, rendered into a growable buffer.  A sink
     *    remembers its first failure, so one check after writing is enough. */
    report.lang = PEKPPP_LANG_EN;
    pekppp_sink_init_buffer(&sink);
    if (pekppp_report_write(&sink, result, PEKPPP_FORMAT_JSON, &report) < 0 || sink.error) {
        fprintf(stderr, "%s: cannot render the report (code %d)\n", argv[2], sink.error);
    } else {
        fwrite(sink.data, 1, sink.len, stdout);
        status = EXIT_SUCCESS;
    }
    pekppp_sink_dispose(&sink);

out:
    /* Free in reverse order: an assessment borrows its rubric, and a result
     * its assessment.  Each free function accepts NULL. */
    pekppp_result_free(result);
    pekppp_assessment_free(unit);
    pekppp_rubric_free(rubric);
    return status;
}
