/* The exit code for a library error code; see exitcode.h. */
#include "exitcode.h"

#include "pekppp.h"

int cli_exit_for(int code)
{
    switch (code) {
    case 0:
        return CLI_EXIT_OK;
    case PEKPPP_EIO:
    case PEKPPP_ENOTFOUND:
        return CLI_EXIT_IO;
    case PEKPPP_ENOMEM:
    case PEKPPP_ERROR:
        return CLI_EXIT_INTERNAL;
    default:
        return CLI_EXIT_INVALID;
    }
}
