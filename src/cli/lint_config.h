/*
 * The lint rules turned off: `--disable RULE` (repeatable; one value may
 * list several ids separated by commas) and a config file, `--config FILE`
 * or else `.pekppp-lint.yaml` in the current folder when there is one.
 *
 * The config file is YAML of one form only, which the CLI reads itself
 * line by line (it links nothing but libpekppp):
 *
 *     disable:
 *       - rubric.provisional
 *       - rubric.weight-sum    # comments anywhere
 *
 * or `disable: [rubric.provisional, rubric.weight-sum]` on one line.  An id
 * may be quoted.  Anything else, and an unknown rule id, is a usage error
 * at its file:line:column, with the nearest rule id when one is close.
 */
#ifndef CLI_LINT_CONFIG_H
#define CLI_LINT_CONFIG_H

/* The file read when there is no --config. */
#define LINT_CONFIG_DEFAULT ".pekppp-lint.yaml"

/* Turn off the rules of @p list (ids separated by commas) in @p off, one
 * flag per rule index (pekppp_rule_id).  0, or CLI_EXIT_USAGE after the
 * usage error is written. */
int lint_disable_list(unsigned char *off, const char *list, int lang);

/* Turn off the rules config file @p path lists (NULL: LINT_CONFIG_DEFAULT,
 * skipped when it does not exist).  0, or the exit code after saying why:
 * CLI_EXIT_USAGE for a wrong file, CLI_EXIT_IO when it cannot be read. */
int lint_config_read(unsigned char *off, const char *path, int lang);

#endif
