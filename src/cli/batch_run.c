/*
 * Batch scoring; see batch_run.h.
 *
 * Workers take unit files in order and each fills a slot: the loaded unit,
 * its result, its diagnostics (already formatted) and, for JSON, the
 * rendered unit object.  The main thread waits for slot after slot in input
 * order, adds the summary to the batch, appends the unit object to a spill
 * file and frees everything, so memory holds at most a window of units.
 * Sheets are read by the main thread when their turn comes.
 */
#include "batch_run.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_msg.h"
#include "diag_print.h"
#include "exitcode.h"
#include "opt_value.h"
#include "output.h"
#include "term.h"

#define WINDOW_PER_JOB 16

/* ---- the pool ---- */

typedef struct {
    int ready;
    int failed;                /* load or score failed: err holds the first error */
    pekppp_assessment *a;
    pekppp_result *res;
    pekppp_error err;
    pekppp_sink diags;         /* formatted diagnostics, in order */
    pekppp_sink json;          /* the unit's JSON object (JSON format only) */
} slot;

typedef struct {
    cli_items *items;          /* names of consumed items released as it goes */
    const cli_batch_args *args;
    slot *slots;
    size_t window;
    size_t next;               /* next item a worker takes */
    size_t consumed;           /* items the main thread has finished */
    int stop;
    int main_waiting;          /* the main thread sleeps on cond for a slot */
    int workers_waiting;       /* workers sleeping on cond for window space */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    pthread_mutex_t rubric_lock;
} pool;

static void diag_to_sink(const pekppp_error *d, void *payload)
{
    cli_format_diag(payload, d);
}

/* The rubric cache is shared: resolve under a lock. */
static int locked_resolve(const pekppp_rubric **out, const char *id, void *payload,
                          pekppp_error *err)
{
    pool *p = payload;
    int rc;
    pthread_mutex_lock(&p->rubric_lock);
    rc = cli_rubrics_resolve(out, id, p->args->rubrics, err);
    pthread_mutex_unlock(&p->rubric_lock);
    return rc;
}

static void process_unit(pool *p, const cli_item *item, slot *s)
{
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    int error;
    char buf[CLI_PATH_MAX];
    const char *path = cli_item_path(item, buf);
    o.rubric = p->args->given;
    o.resolve = locked_resolve;
    o.resolve_payload = p;
    o.allow_incomplete = p->args->allow_incomplete != 0;
    o.diag = diag_to_sink;
    o.payload = &s->diags;
    pekppp_error_clear(&s->err);
    if (cli_item_problem(item) != CM_COUNT) {
        pekppp_error_set_file(&s->err, path);
        if (item->kind == ITEM_EMPTY)
            cli_error_message(&s->err, CM_NO_UNITS_FOUND, path);
        else
            cli_error_message(&s->err, cli_item_problem(item));
        s->err.code = PEKPPP_EIO;
        cli_format_diag(&s->diags, &s->err);
        s->failed = 1;
        return;
    }
    if (pekppp_assessment_load_file(&s->a, path, &o, &s->err) < 0) {
        s->failed = 1;
        return;
    }
    if (p->args->survey && pekppp_survey_sheet_apply(p->args->survey, s->a, &s->err) < 0) {
        cli_format_diag(&s->diags, &s->err);
        s->failed = 1;
        return;
    }
    if ((error = pekppp_score(&s->res, s->a, &s->err)) < 0) {
        cli_format_diag(&s->diags, &s->err);
        s->failed = 1;
        return;
    }
    if (p->args->format == PEKPPP_FORMAT_JSON) {
        pekppp_report_options ro = p->args->ropts;
        ro.json_depth = 2;
        pekppp_sink_puts(&s->json, "    ");
        (void)pekppp_report_write(&s->json, s->res, PEKPPP_FORMAT_JSON, &ro);
    }
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        size_t i;
        slot *s;
        while (!p->stop && p->next < p->items->count && p->next >= p->consumed + p->window) {
            p->workers_waiting++;
            pthread_cond_wait(&p->cond, &p->lock);
            p->workers_waiting--;
        }
        if (p->stop || p->next >= p->items->count)
            break;
        i = p->next++;
        s = &p->slots[i % p->window];
        pthread_mutex_unlock(&p->lock);
        if (p->items->items[i].kind != ITEM_SHEET)
            process_unit(p, &p->items->items[i], s);
        pthread_mutex_lock(&p->lock);
        s->ready = 1;
        if (p->main_waiting)
            pthread_cond_broadcast(&p->cond);
    }
    pthread_mutex_unlock(&p->lock);
    cli_source_cache_free(); /* this thread's echo cache */
    return NULL;
}

/* ---- the main thread ---- */

typedef struct {
    pekppp_batch *batch;
    FILE *spill;               /* unit JSON objects, joined by ",\n" */
    size_t spilled;
    int failed_any;
    int broken;                /* an exit code when the run itself failed */
    size_t done, total;
    struct timespec start, last;
    int progress;
    const cli_batch_args *args;
    pthread_mutex_t *rubric_lock; /* the workers' lock on the rubric cache */
    /* -f xlsx: the workbook grows as units are taken, in input order, into
     * the temporary file of the output opened at the start. */
    pekppp_workbook *wb;
    cli_out out;
    const char *wb_name;       /* the file libxlsxwriter writes */
    int out_open;
} run_state;

/* Milliseconds from @p t to now (CLOCK_MONOTONIC): integers are all the
 * progress bar needs, like everything else in the tool. */
static int64_t ms_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return ((int64_t)(now.tv_sec - t->tv_sec) * 1000000000 + (now.tv_nsec - t->tv_nsec)) / 1000000;
}

/* The progress bar (stderr is a terminal and -q is off), at most 10 times a
 * second: units done, the total, and the rate in units a second, rounded. */
static void progress(run_state *st, int final)
{
    int64_t elapsed, rate;
    size_t width = 30, filled;
    char bar[64];
    if (!st->progress)
        return;
    if (!final && ms_since(&st->last) < 100)
        return;
    clock_gettime(CLOCK_MONOTONIC, &st->last);
    elapsed = ms_since(&st->start);
    rate = elapsed > 0 ? ((int64_t)st->done * 1000 + elapsed / 2) / elapsed : 0;
    filled = st->total ? st->done * width / st->total : width;
    memset(bar, '#', filled);
    memset(bar + filled, '.', width - filled);
    bar[width] = '\0';
    {
        char line[160];
        int n = snprintf(line, sizeof(line), "\r[%s] %zu/%zu unit, %lld/s ", bar, st->done,
                         st->total, (long long)rate);
        if (n > 0)
            cli_term_control(line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
    }
    if (final)
        cli_term_control("\r\033[K", 4);
}

static int ensure_batch(run_state *st, const pekppp_rubric *r)
{
    pekppp_batch_options bo = PEKPPP_BATCH_OPTIONS_INIT;
    pekppp_error err;
    int rc;
    if (st->batch)
        return 0;
    bo.group_by = st->args->group_by;
    bo.title = st->args->title;
    if ((rc = pekppp_batch_new(&st->batch, r, &bo)) < 0)
        return rc;
    if (st->out_open && (rc = pekppp_workbook_new(&st->wb, st->wb_name, r, &st->args->ropts, &err)) < 0)
        cli_print_diag(&err);
    return rc;
}

/* Take one scored unit into the batch, in input order. */
static void take(run_state *st, pekppp_result *res, pekppp_sink *json)
{
    pekppp_error e2;
    if (ensure_batch(st, pekppp_assessment_rubric(pekppp_result_assessment(res))) < 0) {
        st->broken = CLI_EXIT_INTERNAL;
        return;
    }
    if (pekppp_batch_add(st->batch, res, &e2) < 0) {
        cli_print_diag(&e2);
        st->failed_any = 1;
        if (pekppp_batch_add_failure(st->batch, &e2) < 0)
            st->broken = CLI_EXIT_INTERNAL;
        return;
    }
    if (st->wb && pekppp_workbook_add_unit(st->wb, res, &e2) < 0) {
        st->broken = CLI_EXIT_INTERNAL;
        return;
    }
    if (json && json->len > 0) {
        if ((st->spilled++ && fputs(",\n", st->spill) == EOF) ||
            fwrite(json->data, 1, json->len, st->spill) != json->len)
            st->broken = CLI_EXIT_IO;
    }
}

/* Failures seen before any rubric was known are kept here and added once the
 * batch exists. */
typedef struct {
    pekppp_error *list;
    size_t n, cap;
} pending;

static void take_failure(run_state *st, pending *pf, const pekppp_error *err)
{
    st->failed_any = 1;
    if (st->batch) {
        if (pekppp_batch_add_failure(st->batch, err) < 0)
            st->broken = CLI_EXIT_INTERNAL;
        return;
    }
    if (pf->n == pf->cap) {
        size_t cap = pf->cap ? pf->cap * 2 : 16;
        pekppp_error *l = realloc(pf->list, cap * sizeof(*l));
        if (!l) {
            st->broken = CLI_EXIT_INTERNAL;
            return;
        }
        pf->list = l;
        pf->cap = cap;
    }
    pf->list[pf->n++] = *err;
}

static void flush_pending(run_state *st, pending *pf)
{
    size_t i;
    if (!st->batch)
        return;
    for (i = 0; i < pf->n; i++)
        if (pekppp_batch_add_failure(st->batch, &pf->list[i]) < 0)
            st->broken = CLI_EXIT_INTERNAL;
    pf->n = 0;
}

static void run_sheet(run_state *st, pending *pf, const cli_item *item)
{
    const cli_batch_args *args = st->args;
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *sheet = NULL;
    pekppp_error err;
    const pekppp_rubric *r = args->given;
    int rc;
    int found = 0;
    char buf[CLI_PATH_MAX];
    const char *path = cli_item_path(item, buf);
    pekppp_error_clear(&err); /* the resolver fills only the message */
    if (!r) {
        pthread_mutex_lock(st->rubric_lock);
        found = cli_rubrics_resolve(&r, CLI_DEFAULT_RUBRIC, args->rubrics, &err);
        pthread_mutex_unlock(st->rubric_lock);
    }
    if (found < 0) {
        pekppp_error_set_file(&err, path);
        err.line = err.column = 0;
        err.path[0] = '\0';
        cli_print_diag(&err);
        take_failure(st, pf, &err);
        return;
    }
    o.rubric = r;
    o.allow_incomplete = args->allow_incomplete != 0;
    o.sheet = args->sheet;
    o.diag = cli_diag_cb;
    if (pekppp_sheet_open_file(&sheet, path, &o, &err) < 0) {
        take_failure(st, pf, &err);
        return;
    }
    for (;;) {
        pekppp_assessment *a = NULL;
        pekppp_result *res = NULL;
        rc = pekppp_sheet_next(sheet, &a, &err);
        if (rc == 0)
            break;
        if (rc < 0) {
            take_failure(st, pf, &err);
            st->done++;
            continue;
        }
        if ((args->survey && pekppp_survey_sheet_apply(args->survey, a, &err) < 0) ||
            pekppp_score(&res, a, &err) < 0) {
            cli_print_diag(&err);
            take_failure(st, pf, &err);
        } else {
            pekppp_sink json;
            pekppp_sink_init_buffer(&json);
            if (args->format == PEKPPP_FORMAT_JSON) {
                pekppp_report_options ro = args->ropts;
                ro.json_depth = 2;
                pekppp_sink_puts(&json, "    ");
                if (pekppp_report_write(&json, res, PEKPPP_FORMAT_JSON, &ro) < 0)
                    st->broken = CLI_EXIT_INTERNAL;
            }
            take(st, res, &json);
            flush_pending(st, pf);
            pekppp_sink_dispose(&json);
        }
        pekppp_result_free(res);
        pekppp_assessment_free(a);
        st->done++;
        st->total = st->done > st->total ? st->done : st->total;
        progress(st, 0);
    }
    pekppp_sheet_free(sheet);
}

/* Take item @p item's outcome from its slot, in input order, and clear the slot. */
static void consume(run_state *st, pending *pf, const cli_item *item, slot *s)
{
    if (item->kind == ITEM_SHEET) {
        st->total--;
        run_sheet(st, pf, item);
    } else {
        if (s->diags.len > 0)
            cli_term_write(stderr, s->diags.data, s->diags.len);
        if (s->failed) {
            take_failure(st, pf, &s->err);
        } else {
            take(st, s->res, &s->json);
            flush_pending(st, pf);
        }
        st->done++;
    }
    pekppp_result_free(s->res);
    pekppp_assessment_free(s->a);
    s->res = NULL;
    s->a = NULL;
    s->failed = 0;
    s->diags.len = 0;  /* keep the buffers: the next unit in this slot reuses them */
    s->diags.error = 0;
    s->json.len = 0;
    s->json.error = 0;
    s->ready = 0;
}

static int copy_spill(pekppp_sink *sink, void *payload)
{
    run_state *st = payload;
    char buf[65536];
    size_t n;
    if (fflush(st->spill) != 0 || fseek(st->spill, 0, SEEK_SET) != 0)
        return PEKPPP_EIO;
    while ((n = fread(buf, 1, sizeof(buf), st->spill)) > 0)
        pekppp_sink_write(sink, buf, n);
    return ferror(st->spill) ? PEKPPP_EIO : 0;
}

/* Close the batch: a rubric for the header when nothing was scored, the
 * failures kept back, the ranking.  0 or an exit code. */
static int close_batch(run_state *st, pending *pf)
{
    const cli_batch_args *args = st->args;
    pekppp_error err;
    if (!st->batch) {
        /* Nothing scored: the report still needs a rubric for its header. */
        const pekppp_rubric *r = args->given;
        pekppp_error_clear(&err);
        if (!r && cli_rubrics_resolve(&r, CLI_DEFAULT_RUBRIC, args->rubrics, &err) < 0) {
            cli_fail("%s", cli_diag_message(&err));
            return CLI_EXIT_INVALID;
        }
        if (ensure_batch(st, r) < 0)
            return CLI_EXIT_INTERNAL;
    }
    flush_pending(st, pf);
    if (st->broken)
        return st->broken;
    if (pekppp_batch_finish(st->batch, &err) < 0) {
        cli_print_diag(&err);
        return cli_exit_for(err.code);
    }
    return 0;
}

/* Read option @p opt (--fail-under or --fail-under-mean) of value @p s
 * (NULL: not given) against the batch's rubric.  0, or CLI_EXIT_USAGE after
 * saying why. */
static int read_threshold(const run_state *st, const char *opt, const char *s, pekppp_fixed *out)
{
    return s ? cli_read_threshold(pekppp_batch_rubric(st->batch), opt, s, out, st->args->lang) : 0;
}

/* Write the batch report to -o (or stdout); 0 or an exit code. */
static int write_report(run_state *st)
{
    const cli_batch_args *args = st->args;
    cli_out out;
    pekppp_sink sink;
    pekppp_error err;
    int rc;
    if (st->out_open) {
        st->out_open = 0;
        pekppp_error_clear(&err);
        if (pekppp_batch_write_xlsx(st->wb, st->batch, &err) < 0) {
            cli_out_abort(&st->out);
            cli_fail(cli_msg(args->lang, CM_XLSX_FAILED), args->output ? args->output : "-",
                     cli_diag_message(&err));
            return err.code == PEKPPP_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_IO;
        }
        return cli_out_commit(&st->out);
    }
    if ((rc = cli_out_open(&out, args->output)) != 0)
        return rc;
    pekppp_sink_init_file(&sink, out.file);
    rc = pekppp_batch_write(&sink, st->batch, args->format, &args->ropts, copy_spill, st);
    pekppp_sink_dispose(&sink);
    if (rc < 0) {
        cli_out_abort(&out);
        if (!args->output || strcmp(args->output, "-") == 0)
            cli_fail(cli_msg(args->lang, CM_WRITE_STDOUT), strerror(errno));
        else
            cli_fail(cli_msg(args->lang, CM_WRITE_FAILED), args->output, strerror(errno));
        return CLI_EXIT_IO;
    }
    return cli_out_commit(&out);
}

/* List the units below --fail-under (the first ten); 1 when there are any. */
static int units_below(const run_state *st, pekppp_fixed threshold)
{
    const char *ids[10];
    size_t n = pekppp_batch_below(st->batch, threshold, ids, 10), i;
    pekppp_sink line;
    char more[32];
    if (n == 0)
        return 0;
    pekppp_sink_init_buffer(&line);
    for (i = 0; i < n && i < 10; i++) {
        pekppp_sink_puts(&line, " ");
        pekppp_sink_puts(&line, ids[i]);
    }
    if (n > 10) {
        snprintf(more, sizeof(more), " (+%zu)", n - 10);
        pekppp_sink_puts(&line, more);
    }
    pekppp_sink_write(&line, "", 1); /* the list as a C string */
    cli_fail(cli_msg(st->args->lang, CM_UNITS_BELOW), n, st->args->fail_under,
             line.error || !line.data ? "" : line.data);
    pekppp_sink_dispose(&line);
    return 1;
}

/* Say so when the mean index is below --fail-under-mean; 1 when it is. */
static int mean_below(const run_state *st, pekppp_fixed threshold)
{
    pekppp_fixed mean;
    char shown[48];
    if (pekppp_batch_scored(st->batch) == 0)
        return 0;
    mean = pekppp_batch_mean(st->batch);
    if (pekppp_fixed_compare(mean, threshold) >= 0)
        return 0;
    pekppp_fixed_format(shown, sizeof(shown), mean);
    cli_fail(cli_msg(st->args->lang, CM_MEAN_BELOW), shown, st->args->fail_under_mean);
    return 1;
}

/* After the last unit: the report, the thresholds, the exit code. */
static int finish(run_state *st, pending *pf)
{
    const cli_batch_args *args = st->args;
    pekppp_fixed threshold = { 0, 0 }, mean_threshold = { 0, 0 };
    int rc, below = 0;
    if ((rc = close_batch(st, pf)) != 0)
        return rc;
    /* A threshold that is no grade of the rubric is a usage error: no report. */
    if ((rc = read_threshold(st, "--fail-under", args->fail_under, &threshold)) != 0 ||
        (rc = read_threshold(st, "--fail-under-mean", args->fail_under_mean, &mean_threshold)) != 0)
        return rc;
    if ((rc = write_report(st)) != 0)
        return rc;
    if (args->fail_under)
        below |= units_below(st, threshold);
    if (args->fail_under_mean)
        below |= mean_below(st, mean_threshold);
    /* A unit that failed to load outranks a low score: exit 3 before 1. */
    if (st->failed_any)
        return CLI_EXIT_INVALID;
    if (below)
        return CLI_EXIT_BELOW;
    return CLI_EXIT_OK;
}

/* Take every item's outcome in input order; while the next one is not ready,
 * the main thread scores an unclaimed unit itself rather than sleep. */
static void take_in_order(pool *p, run_state *st, pending *pf)
{
    const cli_items *items = p->items;
    size_t k;
    for (k = 0; k < items->count; k++) {
        slot *s = &p->slots[k % p->window];
        pthread_mutex_lock(&p->lock);
        while (!s->ready) {
            if (p->next < items->count && p->next < p->consumed + p->window) {
                size_t mine = p->next++;
                slot *ms = &p->slots[mine % p->window];
                pthread_mutex_unlock(&p->lock);
                if (items->items[mine].kind != ITEM_SHEET)
                    process_unit(p, &items->items[mine], ms);
                pthread_mutex_lock(&p->lock);
                ms->ready = 1;
                continue;
            }
            p->main_waiting = 1;
            pthread_cond_wait(&p->cond, &p->lock);
            p->main_waiting = 0;
        }
        pthread_mutex_unlock(&p->lock);
        consume(st, pf, &items->items[k], s);
        progress(st, 0);
        /* Wake the workers only when a good part of the window is free. */
        pthread_mutex_lock(&p->lock);
        p->consumed = k + 1;
        if (p->workers_waiting && (k + 1) % (p->window / 4 ? p->window / 4 : 1) == 0)
            pthread_cond_broadcast(&p->cond);
        pthread_mutex_unlock(&p->lock);
        /* The batch has its own copy of every file name taken: the listing
         * lets go of the names before k + 1, which no worker reads again
         * (workers only take items at or after p->consumed). */
        if ((k + 1) % 1024 == 0)
            cli_items_release(p->items, k + 1);
    }
    progress(st, 1);
}

/* Start @p jobs - 1 workers (the main thread is one of the -j workers);
 * returns how many started. */
static int start_workers(pool *p, pthread_t *threads, int jobs)
{
    int i, started = 0;
    for (i = 0; i < jobs - 1; i++) {
        if (pthread_create(&threads[i], NULL, worker, p) != 0)
            break;
        started++;
    }
    return started;
}

static void stop_workers(pool *p, pthread_t *threads, int started)
{
    int i;
    pthread_mutex_lock(&p->lock);
    p->stop = 1;
    pthread_cond_broadcast(&p->cond);
    pthread_mutex_unlock(&p->lock);
    for (i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
}

/* Free the slots and whatever they still hold. */
static void free_slots(pool *p)
{
    size_t k;
    if (!p->slots)
        return;
    for (k = 0; k < p->window; k++) {
        pekppp_result_free(p->slots[k].res);
        pekppp_assessment_free(p->slots[k].a);
        pekppp_sink_dispose(&p->slots[k].diags);
        pekppp_sink_dispose(&p->slots[k].json);
    }
    free(p->slots);
    p->slots = NULL;
}

int cli_run_batch(cli_items *items, const cli_batch_args *args)
{
    pool p;
    run_state st;
    pending pf = { NULL, 0, 0 };
    pthread_t *threads = NULL;
    int jobs = args->jobs > 0 ? args->jobs : 1, started, rc = CLI_EXIT_OK;
    size_t k;

    memset(&p, 0, sizeof(p));
    memset(&st, 0, sizeof(st));
    /* The output was checked against the inputs before: what the listing
     * kept for that goes now, before the units' records grow. */
    cli_items_forget_seen(items);
    st.args = args;
    st.rubric_lock = &p.rubric_lock;
    st.total = items->count;
    st.progress = !args->quiet && isatty(2);
    clock_gettime(CLOCK_MONOTONIC, &st.start);
    st.last = st.start;
    if (args->format == PEKPPP_FORMAT_JSON && !(st.spill = tmpfile())) {
        cli_fail(cli_msg(args->lang, CM_TEMP_FAILED), strerror(errno));
        return CLI_EXIT_IO;
    }
    /* A workbook is written while the units are taken: its output opens first. */
    if (args->format == PEKPPP_FORMAT_XLSX) {
        if ((rc = cli_out_open_named(&st.out, args->output, &st.wb_name)) != 0)
            return rc;
        st.out_open = 1;
    }
    p.items = items;
    p.args = args;
    p.window = (size_t)jobs * WINDOW_PER_JOB;
    p.slots = calloc(p.window, sizeof(*p.slots));
    threads = calloc((size_t)jobs, sizeof(*threads));
    if (!p.slots || !threads) {
        rc = CLI_EXIT_INTERNAL;
        goto done;
    }
    for (k = 0; k < p.window; k++) {
        pekppp_sink_init_buffer(&p.slots[k].diags);
        pekppp_sink_init_buffer(&p.slots[k].json);
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.cond, NULL);
    pthread_mutex_init(&p.rubric_lock, NULL);
    started = start_workers(&p, threads, jobs);
    take_in_order(&p, &st, &pf);
    stop_workers(&p, threads, started);
    rc = finish(&st, &pf);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.cond);
    pthread_mutex_destroy(&p.rubric_lock);
done:
    free_slots(&p);
    free(threads);
    free(pf.list);
    if (st.out_open)
        cli_out_abort(&st.out); /* no workbook: the target stays as it was */
    pekppp_workbook_free(st.wb);
    pekppp_batch_free(st.batch);
    if (st.spill)
        fclose(st.spill);
    return rc;
}
