/*
 * `pekppp schema [NAME]`: print the JSON Schema of a format (FORMATS.md), as
 * built into the binary; without NAME, list the names.
 */
#include <string.h>

#include "cli_msg.h"
#include "cmd.h"
#include "exitcode.h"
#include "opt.h"
#include "output.h"
#include "schemas.h"
#include "term.h"

enum { O_OUTPUT = 1, O_HELP };

const cli_opt schema_opts[] = {
    { O_OUTPUT, 'o', "output", "FILE", { "tulis ke berkas (diganti secara atomik)", "write to a file (replaced atomically)" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

int cmd_schema(int argc, char **argv)
{
    cli_opt_state st;
    const char *name = NULL, *output = NULL, *v;
    int lang = cli_lang_default(), id;
    size_t i;

    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, schema_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL:
            if (name)
                return cli_usage(lang, "schema", cli_msg(lang, CM_SCHEMA_ONE_NAME));
            name = v;
            break;
        case CLI_OPT_ERROR: return cli_usage(lang, "schema", st.error);
        case O_OUTPUT: output = v; break;
        case O_HELP: return cmd_help_for("schema", lang);
        default: break;
        }
    }
    if (!name) {
        for (i = 0; cli_schemas[i].name; i++)
            cli_term_printf(stdout, "%s\n", cli_schemas[i].name);
        return CLI_EXIT_OK;
    }
    for (i = 0; cli_schemas[i].name; i++)
        if (strcmp(cli_schemas[i].name, name) == 0)
            return cli_write_output(output, cli_schemas[i].text, cli_schemas[i].len);
    {
        char msg[512];
        size_t n;
        n = (size_t)snprintf(msg, sizeof(msg), cli_msg(lang, CM_SCHEMA_UNKNOWN), name);
        for (i = 0; cli_schemas[i].name && n < sizeof(msg) - 20; i++)
            n += (size_t)snprintf(msg + n, sizeof(msg) - n, " %s", cli_schemas[i].name);
        snprintf(msg + n, sizeof(msg) - n, ")");
        return cli_usage(lang, "schema", msg);
    }
}
