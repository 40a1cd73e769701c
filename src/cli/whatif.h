/*
 * What-if and plan helpers shared by `score` and `plan`: applying --set
 * answers to a loaded unit, and checking --target / --fix before planning.
 */
#ifndef CLI_WHATIF_H
#define CLI_WHATIF_H

#include <stddef.h>
#include "pekppp.h"

/* Apply what-if answers "ID=LEVEL" (or "ID=na") to a loaded unit, recording
 * each change in @p out (room for @p n).  Returns 0, or CLI_EXIT_USAGE after
 * printing why (an unknown id, a level off the scale, a bad form). */
int cli_apply_sets(pekppp_assessment *a, char *const *sets, size_t n, pekppp_change *out, int lang);

/* Load the unit @p path that --set answers @p sets will change: as
 * pekppp_assessment_load_file with @p opts, printing diagnostics, except that
 * answers left blank or left out are no error when the sets fill every one
 * of them (the unit is then read with incomplete answers allowed, and the
 * caller's cli_apply_sets completes it).  A missing answer no set fills is
 * reported where the file lacks it, as without --set. */
int cli_load_for_sets(pekppp_assessment **out, const char *path,
                      const pekppp_assessment_options *opts, char *const *sets, size_t nsets,
                      pekppp_error *err);

/* Plan from a scored unit to grade @p target (`plan`, `score --target`).
 * Returns 0, or prints why and returns the exit code: 2 for a grade the
 * rubric lacks or an unknown --fix id. */
int cli_make_plan(pekppp_plan **out, const pekppp_result *res, const char *target,
                  const pekppp_plan_options *po, int lang, const char *cmd);

#endif
