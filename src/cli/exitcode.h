/*
 * The exit codes of `pekppp`, in one place (also in README.md, `pekppp help`
 * and the man page).
 */
#ifndef CLI_EXITCODE_H
#define CLI_EXITCODE_H

enum {
    CLI_EXIT_OK = 0,        /* done, everything fine */
    CLI_EXIT_BELOW = 1,     /* scored below --fail-under, or lint found errors */
    CLI_EXIT_USAGE = 2,     /* wrong command line */
    CLI_EXIT_INVALID = 3,   /* an input or rubric failed to load or validate */
    CLI_EXIT_IO = 4,        /* a file could not be read or written */
    CLI_EXIT_INTERNAL = 5   /* out of memory or an internal error */
};

/* The exit code for a library error code (0 or a negative pekppp_error_code). */
int cli_exit_for(int code);

#endif
