/* The public headers must compile on their own as C99 with every warning on. */
#include "pekppp.h"

int main(void)
{
    pekppp_load_options lo = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_assessment_options ao = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    (void)lo;
    (void)ao;
    (void)ro;
    return pekppp_version()[0] == '\0';
}
