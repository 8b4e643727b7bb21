/* tacitus explain: why an event is in the store — its document, the
 * sentence, the verb pattern that matched and the actor entries used. */
#include <stdio.h>

#include "cli.h"
#include "store_options.h"

static void usage(void)
{
    printf("usage: tacitus explain --db FILE EVENT_ID...\n\n"
           "EVENT_ID is the id shown by 'tacitus query' (123) or DOCID#N, the N-th\n"
           "event (from 0) of document DOCID.\n");
}

static const char *or_dash(const char *s) { return s && *s ? s : "-"; }

static int print_event(void *ud, const tac_stored_event *ev)
{
    (void)ud;
    printf("event %lld (%s#%d)\n", (long long)ev->id, ev->doc_id, ev->ordinal);
    printf("  coded      %s %s %s  on %s\n", or_dash(ev->source), ev->cameo,
           or_dash(ev->target), or_dash(ev->date));
    printf("  class      quad %d", ev->quad);
    if (ev->has_goldstein)
        printf(", Goldstein %.1f", ev->goldstein);
    if (ev->plover)
        printf(", PLOVER %s%s%s%s%s", ev->plover, ev->plover_mode ? " / " : "",
               ev->plover_mode ? ev->plover_mode : "", ev->plover_context ? " / " : "",
               ev->plover_context ? ev->plover_context : "");
    if (ev->issues)
        printf(", issues %s", ev->issues);
    printf("\n  document   %s  date %s  source %s\n", ev->doc_id, or_dash(ev->doc_date),
           or_dash(ev->doc_source));
    if (ev->doc_title)
        printf("             title %s\n", ev->doc_title);
    if (ev->doc_url)
        printf("             url %s\n", ev->doc_url);
    printf("  sentence   %d: %s\n", ev->sentence, or_dash(ev->text));
    printf("  verb       %s  (%s)\n", or_dash(ev->verb_pattern), or_dash(ev->verb_where));
    printf("  source     %s  from %s\n", or_dash(ev->source), or_dash(ev->source_entry));
    printf("  target     %s  from %s\n", or_dash(ev->target), or_dash(ev->target_entry));
    if (ev->place || ev->country || ev->has_location)
        printf("  place      %s, %s%s", or_dash(ev->place), or_dash(ev->country),
               ev->has_location ? "" : "\n");
    if (ev->has_location)
        printf("  (%.4f, %.4f)\n", ev->lat, ev->lon);
    if (ev->date_precision)
        printf("  date known to the %s\n", ev->date_precision);
    if (ev->historical >= 0)
        printf("  historical %s\n", ev->historical ? "yes (reports a past event)" : "no");
    if (ev->reported_by)
        printf("  reported in sentences %s\n", ev->reported_by);
    return 0;
}

int cmd_explain(int argc, char **argv)
{
    store_cli_args a;
    if (!store_cli_parse(argc, argv, 0, &a))
        return CLI_FATAL;
    if (a.help) {
        usage();
        return CLI_OK;
    }
    if (!a.n_args) {
        cli_error("explain: which event? (tacitus explain --db FILE EVENT_ID)");
        return CLI_FATAL;
    }
    tac_store *st = store_cli_open(&a);
    if (!st)
        return CLI_FATAL;
    int rc = CLI_OK;
    for (int i = 0; i < a.n_args; i++) {
        tac_error err = {0};
        if (i)
            printf("\n");
        tac_status s = tac_store_get_event(st, a.args[i], print_event, NULL, &err);
        if (s == TAC_ENOTFOUND) {
            cli_error("%s", err.msg);
            rc = rc == CLI_OK ? CLI_SKIPPED : rc;
        } else if (s != TAC_OK) {
            cli_error("%s", err.msg);
            rc = CLI_FATAL;
        }
    }
    tac_store_close(st, NULL);
    return rc;
}
