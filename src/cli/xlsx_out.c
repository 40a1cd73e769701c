/* Workbooks from the CLI; see xlsx_out.h. */
#include "xlsx_out.h"

#include <stdlib.h>
#include <time.h>

#include "cli_msg.h"
#include "exitcode.h"
#include "output.h"
#include "term.h"

const char *cli_report_time(char *buf, size_t size, int lang)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t = time(NULL);
    struct tm tm;
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end || v < 0 || v > 253402300799LL) { /* up to 9999-12-31 */
            cli_fail("%s", cli_msg(lang, CM_BAD_EPOCH));
            return NULL;
        }
        t = (time_t)v;
    }
    if (!gmtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return NULL;
    return buf;
}

int cli_write_xlsx(const char *output, int lang, cli_xlsx_writer write, const void *payload)
{
    cli_out out;
    const char *name;
    pekppp_error err;
    int rc;
    if ((rc = cli_out_open_named(&out, output, &name)) != 0)
        return rc;
    pekppp_error_clear(&err);
    if (write(name, payload, &err) < 0) {
        cli_out_abort(&out);
        cli_fail(cli_msg(lang, CM_XLSX_FAILED), output ? output : "-", cli_diag_message(&err));
        return err.code == PEKPPP_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_IO;
    }
    return cli_out_commit(&out);
}

typedef struct {
    const pekppp_rubric *r;
    const pekppp_report_options *ro;
    int respondents;
} template_job;

static int write_template(const char *path, const void *payload, pekppp_error *err)
{
    const template_job *j = payload;
    return j->respondents ? pekppp_survey_sheet_template_xlsx(path, j->r, j->ro, err)
                          : pekppp_template_write_xlsx(path, j->r, j->ro, err);
}

int cli_template_xlsx(const char *output, const pekppp_rubric *r, pekppp_report_options *ro,
                      int lang, int respondents)
{
    template_job j;
    char stamp[32];
    int rc;
    if ((rc = cli_out_refuse_tty(output, lang, "template")) != 0)
        return rc;
    ro->timestamp = cli_report_time(stamp, sizeof(stamp), lang);
    j.r = r;
    j.ro = ro;
    j.respondents = respondents;
    return cli_write_xlsx(output, lang, write_template, &j);
}
