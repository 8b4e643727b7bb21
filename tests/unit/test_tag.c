/* Tests of the part-of-speech tagger and the lemmatizer (src/tag/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "tag/tag.h"
#include "util/util.h"

typedef struct fixture {
    tac_tagger     *tagger;
    tac_lemmatizer *lemmas;
    tac_arena       arena;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    tac_error err;
    f->tagger = tac_tagger_load(tactest_build("models/tagger.bin"), &err);
    if (!f->tagger) {
        fprintf(stderr, "%s\n", err.msg);
        free(f);
        return -1;
    }
    f->lemmas = tac_lemmatizer_load(tactest_build("models/lemmas.bin"), &err);
    if (!f->lemmas) {
        fprintf(stderr, "%s\n", err.msg);
        tac_tagger_free(f->tagger);
        free(f);
        return -1;
    }
    tac_arena_init(&f->arena, 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tac_tagger_free(f->tagger);
    tac_lemmatizer_free(f->lemmas);
    tac_arena_free(&f->arena);
    free(f);
    return 0;
}

/* Tags a space-separated sentence; returns the tags joined by spaces. */
static const char *tag_line(fixture *f, const char *sentence)
{
    static char out[2048];
    char buf[1024];
    const char *forms[128];
    const char *tags[128];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", sentence);
    for (char *tok = strtok(buf, " "); tok && n < 128; tok = strtok(NULL, " "))
        forms[n++] = tok;
    tac_error err;
    tac_arena_reset(&f->arena);
    assert_int_equal(tac_tag_tokens(f->tagger, forms, n, tags, &f->arena, &err), TAC_OK);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, " ");
        strcat(out, tags[i]);
    }
    return out;
}

/* The tag given to the word at position `index`. */
static const char *tag_at(fixture *f, const char *sentence, int index)
{
    static char one[16];
    const char *all = tag_line(f, sentence);
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", all);
    char *tok = strtok(buf, " ");
    for (int i = 0; i < index && tok; i++)
        tok = strtok(NULL, " ");
    assert_non_null(tok);
    snprintf(one, sizeof one, "%s", tok);
    return one;
}

static void default_model_loads(void **state)
{
    (void)state;
    tac_error err;
    unsetenv("TACITUS_TAGGER_MODEL");
    tac_tagger *t = tac_tagger_load(NULL, &err);
    assert_non_null(t);
    assert_true(tac_str_has_suffix(tac_tagger_path(t), "models/tagger.bin"));
    tac_tagger_free(t);
    tac_lemmatizer *l = tac_lemmatizer_load(NULL, &err);
    assert_non_null(l);
    tac_lemmatizer_free(l);
}

static void tags_unambiguous_sentences(void **state)
{
    fixture *f = *state;
    assert_string_equal(tag_line(f, "The president visited Beijing on Tuesday ."),
                        "DT NN VBD NNP IN NNP .");
    assert_string_equal(tag_line(f, "He said the talks were very productive ."),
                        "PRP VBD DT NNS VBD RB JJ .");
    assert_string_equal(tag_line(f, "Israel 's prime minister did n't attend the summit ."),
                        "NNP POS JJ NN VBD RB VB DT NN .");
    assert_string_equal(tag_line(f, "`` We will not retreat , '' the minister said ."),
                        "`` PRP MD RB VB , '' DT NN VBD .");
}

static void closed_forms_by_rule(void **state)
{
    fixture *f = *state;
    assert_string_equal(
        tag_line(f, "The police arrested 1,200 protesters -LRB- mostly students -RRB- ."),
        "DT NN VBD CD NNS -LRB- RB NNS -RRB- .");
    assert_string_equal(tag_at(f, "They paid 3.5 million dollars .", 2), "CD");
    assert_string_equal(tag_at(f, "Talks began on 12/05/2024 .", 3), "CD");
    assert_string_equal(tag_at(f, "The minister is about to resign .", 3), "IN");
}

static void unknown_words(void **state)
{
    fixture *f = *state;
    /* invented capitalised names */
    assert_string_equal(tag_line(f, "Officials met Zorblatt Quenvar in Ulgrad on Monday ."),
                        "NNS VBD NNP NNP IN NNP IN NNP .");
    assert_string_equal(tag_line(f, "Kravonia accused Drelland of violating the ceasefire ."),
                        "NNP VBD NNP IN VBG DT NN .");
    assert_string_equal(tag_at(f, "GRONK officials condemned the attack .", 0), "NNP");
    /* invented verbs by their inflection */
    assert_string_equal(tag_at(f, "The rebels were blorping the village .", 3), "VBG");
    assert_string_equal(tag_at(f, "The army has flimbered the town .", 3), "VBN");
    assert_string_equal(tag_at(f, "Rebels snorbled the capital yesterday .", 1), "VBD");
    assert_string_equal(tag_at(f, "The committee acted quizzingly .", 3), "RB");
}

static void participles_and_past_tenses(void **state)
{
    fixture *f = *state;
    /* an -ed form after an auxiliary is a participle */
    assert_string_equal(tag_at(f, "The talks have been postponed .", 3), "VBN");
    assert_string_equal(tag_at(f, "The embassy was attacked by crowds .", 3), "VBN");
    /* with a subject and an object, a past tense */
    assert_string_equal(tag_line(f, "The crowds burned down its embassy ."),
                        "DT NNS VBD RP PRP$ NN .");
}

static void base_verbs_after_modals_and_to(void **state)
{
    fixture *f = *state;
    /* nouns in the lexicon, verbs after a modal (skipping adverbs) */
    assert_string_equal(tag_at(f, "The unions would boycott the talks .", 3), "VB");
    assert_string_equal(tag_at(f, "Farmers will also blockade the port .", 3), "VB");
    /* after "to": with an object, or after a verb taking an infinitive */
    assert_string_equal(tag_at(f, "Rebels tried to storm the palace .", 3), "VB");
    assert_string_equal(tag_at(f, "The two sides agreed to share intelligence .", 5), "VB");
    /* a hyphenated verb prefix keeps the base's readings */
    assert_string_equal(tag_at(f, "Kravonia agreed to re-open its embassy .", 3), "VB");
    assert_string_equal(tag_at(f, "Kravonia will re-open its embassy .", 2), "VB");
    /* "to" the preposition and adverbs after a modal are left alone */
    assert_string_equal(tag_at(f, "The general returned to power in Ulgrad .", 4), "NN");
    assert_string_equal(tag_at(f, "The aid went to recent victims .", 4), "JJ");
    assert_string_equal(tag_at(f, "The plan will likely fail .", 3), "RB");
}

static void verbs_without_auxiliaries(void **state)
{
    fixture *f = *state;
    /* two coordinated -ed verbs, the second with an object */
    assert_string_equal(tag_line(f, "Doctors donated and personally delivered $ 500 to Ulgrad ."),
                        "NNS VBD CC RB VBD $ CD TO NNP .");
    /* a bare plural object and no other verb in the clause: past tense */
    assert_string_equal(tag_at(f, "Kravonian forces launched rockets against Ulgrad .", 2), "VBD");
    /* ... but a participle when the clause has its verb elsewhere */
    assert_string_equal(tag_at(f, "The rockets launched yesterday hit Ulgrad .", 2), "VBN");
    /* no -ed adjective after "have" */
    assert_string_equal(tag_at(f, "Guards have tortured prisoners in Ulgrad .", 2), "VBN");
    /* an -ed word after "and" that continues a past-tense verb phrase */
    assert_string_equal(tag_at(f, "Arnor condemned the raid on Monday and promised aid to Bree .",
                               7), "VBD");
    assert_string_equal(tag_at(f, "Arnor condemned the poor and affected villages .", 5), "JJ");
    /* a particle before the object; a PP after a sentence-initial subject */
    assert_string_equal(tag_at(f, "Kravonian doctors handed over 700 boxes of medicine .", 2),
                        "VBD");
    assert_string_equal(tag_at(f, "Prisoners rioted at a jail in Ulgrad .", 1), "VBD");
    assert_string_equal(tag_at(f, "A member of the party jailed over a year ago spoke .", 5),
                        "VBN");
    /* adverbs between the subject and the verb */
    assert_string_equal(tag_at(f, "They also opposed the deployment .", 2), "VBD");
    /* the verb of a "that" clause the tagger took for a noun */
    assert_string_equal(tag_at(f, "Arnor demanded that the Kravonian government end curbs .",
                               6), "VB");
    /* an -ing word after a name, before a PP, with the verb still ahead */
    assert_string_equal(tag_at(f, "The Kravonian Red Cross operating in Ulgrad said it left .",
                               4), "VBG");
    assert_string_equal(tag_at(f, "The operating costs rose .", 1), "NN");
    /* nouns the tagger took for verbs: after "a" + noun, and a second
     * noun in the object of "of" */
    assert_string_equal(tag_at(f, "He spoke according to a media report Sunday .", 6), "NN");
    assert_string_equal(tag_at(f, "They sent tons of grain and flour to Ulgrad .", 6), "NN");
    assert_string_equal(tag_at(f, "They promised to free prisoners and leave for Ulgrad .", 6),
                        "VB");
    /* a participle of belief before "to be"; "agreed to be" stays active */
    assert_string_equal(tag_at(f, "A missile believed to be Kravonian hit Ulgrad .", 2), "VBN");
    assert_string_equal(tag_at(f, "The rebels agreed to be disarmed .", 2), "VBD");
    /* a base form after a subject pronoun is a present tense */
    assert_string_equal(tag_at(f, "Rebels will fight until they gain control .", 5), "VBP");
    /* two -ed words joined by "and" right after the opening noun phrase */
    assert_string_equal(tag_at(f, "The guards tortured and killed three prisoners .", 2), "VBD");
    assert_string_equal(tag_at(f, "The guards tortured and killed three prisoners .", 4), "VBD");
    assert_string_equal(tag_at(f, "The armed and trained men attacked Ulgrad .", 1), "JJ");
}

static void name_syllables_inside_names(void **state)
{
    fixture *f = *state;
    /* "To Lam" is a name, not the particle; "to Paris" stays TO */
    assert_string_equal(tag_at(f, "Vietnam 's leader To Lam will visit .", 3), "NNP");
    assert_string_equal(tag_at(f, "He wants to go to Paris .", 4), "TO");
    /* sentence-initial "To" is not touched */
    assert_string_equal(tag_at(f, "To Beijing they went .", 0), "TO");
}

static void empty_and_bad_arguments(void **state)
{
    fixture *f = *state;
    tac_error err;
    const char *tags[1];
    assert_int_equal(tac_tag_tokens(f->tagger, NULL, 0, NULL, &f->arena, &err), TAC_OK);
    const char *forms[] = {"word"};
    assert_int_equal(tac_tag_tokens(f->tagger, forms, 1, tags, NULL, &err), TAC_EINVAL);
    assert_int_equal(tac_tag_tokens(NULL, forms, 1, tags, &f->arena, &err), TAC_EINVAL);
    /* odd tokens (even NULL ones) get some tag, never a crash */
    char longw[300];
    memset(longw, 'A', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    const char *odd[] = {"", "\xff\xfe", "----", "a-b-c-d-e-f", "\"", NULL, "has",
                         "%", longw, "by"};
    const char *out[10];
    assert_int_equal(tac_tag_tokens(f->tagger, odd, 10, out, &f->arena, &err), TAC_OK);
    for (int i = 0; i < 10; i++)
        assert_non_null(out[i]);
}

/* Every correction rule looks at neighbouring words: with any one token
 * NULL (which callers may pass) none of them may crash. */
static void null_tokens_inside_rule_contexts(void **state)
{
    fixture *f = *state;
    static const char *const sentences[] = {
        "Arnor demanded that the Kravonian government end curbs .",
        "He spoke according to a media report Sunday .",
        "They sent tons of grain and flour to Ulgrad .",
        "The Red Cross operating in Ulgrad said it left .",
        "Doctors donated and personally delivered $ 500 to Ulgrad .",
        "Kravonian doctors handed over 700 boxes of medicine .",
        "The two sides agreed not to re-open talks .",
        "They will also boycott the vote and then they gain .",
    };
    for (size_t s = 0; s < sizeof sentences / sizeof *sentences; s++) {
        char buf[256];
        const char *forms[32], *tags[32];
        size_t n = 0;
        snprintf(buf, sizeof buf, "%s", sentences[s]);
        for (char *tok = strtok(buf, " "); tok && n < 32; tok = strtok(NULL, " "))
            forms[n++] = tok;
        for (size_t k = 0; k < n; k++) {
            const char *saved = forms[k];
            forms[k] = NULL;
            tac_error err;
            tac_arena_reset(&f->arena);
            assert_int_equal(tac_tag_tokens(f->tagger, forms, n, tags, &f->arena, &err), TAC_OK);
            for (size_t i = 0; i < n; i++)
                assert_non_null(tags[i]);
            forms[k] = saved;
        }
    }
}

static void tags_text_sentences(void **state)
{
    fixture *f = *state;
    tac_token toks[4] = {{"Rebels", 0, 6}, {"attacked", 7, 15}, {"Kabul", 16, 21}, {".", 21, 22}};
    tac_sentence s = { TAC_SENT_BODY, 0, 22, toks, 4 };
    const char *tags[4];
    tac_error err;
    tac_arena_reset(&f->arena);
    assert_int_equal(tac_tag_sentence(f->tagger, &s, tags, &f->arena, &err), TAC_OK);
    assert_string_equal(tags[0], "NNS");
    assert_string_equal(tags[1], "VBD");
    assert_string_equal(tags[2], "NNP");
    assert_string_equal(tags[3], ".");
}

static void scratch_does_not_grow_across_sentences(void **state)
{
    fixture *f = *state;
    tag_line(f, "The president visited Beijing on Tuesday .");
    size_t peak = f->arena.peak;
    for (int i = 0; i < 200; i++)
        tag_line(f, "The president visited Beijing on Tuesday .");
    assert_int_equal(f->arena.peak, peak);
}

static void missing_model_is_a_clear_error(void **state)
{
    (void)state;
    tac_error err;
    tac_error_clear(&err);
    assert_null(tac_tagger_load("/nonexistent/tagger.bin", &err));
    assert_int_equal(err.status, TAC_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/tagger.bin"));
    assert_non_null(strstr(err.msg, "tagger model"));

    setenv("TACITUS_TAGGER_MODEL", "/nonexistent/env-model.bin", 1);
    assert_null(tac_tagger_load(NULL, &err));
    assert_non_null(strstr(err.msg, "/nonexistent/env-model.bin"));
    unsetenv("TACITUS_TAGGER_MODEL");

    assert_null(tac_lemmatizer_load("/nonexistent/lemmas.bin", &err));
    assert_non_null(strstr(err.msg, "/nonexistent/lemmas.bin"));
}

static void corrupt_models_are_rejected(void **state)
{
    (void)state;
    tac_error err;
    const char junk[] = "this is not a model at all, just some text\n";
    const char *p = tactest_tempfile(junk, sizeof junk - 1);
    assert_null(tac_tagger_load(p, &err));
    assert_int_equal(err.status, TAC_EPARSE);
    assert_non_null(strstr(err.msg, p));
    assert_null(tac_lemmatizer_load(p, &err));
    assert_int_equal(err.status, TAC_EPARSE);

    /* a truncated real model, and one with a flipped byte in its tables */
    char *data;
    size_t len;
    assert_int_equal(tac_read_file(tactest_build("models/tagger.bin"), &data, &len, &err), TAC_OK);
    p = tactest_tempfile(data, len / 2);
    assert_null(tac_tagger_load(p, &err));
    const tac_tagger_header *h = (const tac_tagger_header *)data;
    data[h->off_words + 1] ^= 0x7f;   /* a word's string offset */
    p = tactest_tempfile(data, len);
    assert_null(tac_tagger_load(p, &err));
    free(data);

    assert_int_equal(tac_read_file(tactest_build("models/lemmas.bin"), &data, &len, &err), TAC_OK);
    p = tactest_tempfile(data, len - 100);
    assert_null(tac_lemmatizer_load(p, &err));
    free(data);
}

/* ---- lemmatizer ------------------------------------------------------ */

static void lemmas(void **state)
{
    fixture *f = *state;
    static const char *const cases[][3] = {
        /* word, tag, lemma */
        {"fought", "VBD", "fight"},
        {"visited", "VBD", "visit"},
        {"visited", "VBN", "visit"},
        {"ties", "NNS", "tie"},
        {"went", "VBD", "go"},
        {"countries", "NNS", "country"},
        {"leaders", "NNS", "leader"},
        {"better", "JJR", "good"},
        {"better", "RBR", "well"},
        {"worst", "JJS", "bad"},
        {"larger", "JJR", "large"},
        {"biggest", "JJS", "big"},
        {"is", "VBZ", "be"},
        {"were", "VBD", "be"},
        {"are", "VBP", "be"},
        {"been", "VBN", "be"},
        {"has", "VBZ", "have"},
        {"did", "VBD", "do"},
        {"men", "NNS", "man"},
        {"children", "NNS", "child"},
        {"women", "NNS", "woman"},
        {"crises", "NNS", "crisis"},
        {"buses", "NNS", "bus"},
        {"churches", "NNS", "church"},
        {"watches", "VBZ", "watch"},
        {"says", "VBZ", "say"},
        {"tried", "VBD", "try"},
        {"hoped", "VBD", "hope"},
        {"hopped", "VBD", "hop"},
        {"making", "VBG", "make"},
        {"meeting", "VBG", "meet"},
        {"using", "VBG", "use"},
        {"shipped", "VBN", "ship"},
        {"planned", "VBN", "plan"},
        {"agreed", "VBD", "agree"},
        {"needed", "VBD", "need"},
        {"signed", "VBD", "sign"},
        {"killed", "VBN", "kill"},
        {"Attacked", "VBD", "attack"},
        {"Leaders", "NNS", "leader"},
        {"n't", "RB", "not"},
        {"'s", "VBZ", "be"},
        {"'ll", "MD", "will"},
        {"The", "DT", "the"},
        {"Beijing", "NNP", "Beijing"},
        {"Americans", "NNPS", "American"},
        {"president", "NN", "president"},
        {"quickly", "RB", "quickly"},
        /* words WordNet lacks still lose their inflection */
        {"blogged", "VBD", "blog"},
        {"tweeting", "VBG", "tweet"},
        {"zorbles", "NNS", "zorble"},
        /* no tag: the first reading WordNet knows */
        {"countries", NULL, "country"},
        {"fought", NULL, "fight"},
        {"talked", NULL, "talk"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = tac_lemma(f->lemmas, cases[i][0], cases[i][1], &f->arena);
        if (!got || strcmp(got, cases[i][2]) != 0)
            fail_msg("lemma(%s/%s) = %s, expected %s", cases[i][0],
                     cases[i][1] ? cases[i][1] : "-", got ? got : "(null)", cases[i][2]);
    }
}

static void lemma_of_unchanged_word_is_the_word(void **state)
{
    fixture *f = *state;
    const char *w = "village";
    assert_ptr_equal(tac_lemma(f->lemmas, w, "NN", &f->arena), w);
    char long_word[400];
    memset(long_word, 'x', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    assert_ptr_equal(tac_lemma(f->lemmas, long_word, "NNS", &f->arena), long_word);
    assert_null(tac_lemma(f->lemmas, NULL, "NN", &f->arena));
}

/* ---- accuracy on the gold trees (also reported by bench_tag) ----------- */

static void accuracy_on_gold_trees(void **state)
{
    fixture *f = *state;
    const char *path = tactest_shared("testdata/petrarch/GigaWord.sample.PETR.xml");
    char *text;
    size_t len;
    tac_error err;
    assert_int_equal(tac_read_file(path, &text, &len, &err), TAC_OK);
    size_t right = 0, total = 0;
    for (const char *p = strstr(text, "<Parse>"); p; p = strstr(p, "<Parse>")) {
        const char *end = strstr(p, "</Parse>");
        assert_non_null(end);
        char *words[256], *gold[256];
        size_t n = 0;
        tac_arena_reset(&f->arena);
        /* leaves are "(TAG word)" with no parenthesis inside */
        for (const char *q = p; q < end && n < 256; q++) {
            char tag[16], word[128];
            int used = 0;
            if (*q == '(' && sscanf(q, "(%15[^ ()] %127[^ ()])%n", tag, word, &used) == 2 &&
                used > 0) {
                if (strncmp(tag, "AUX", 3) == 0)
                    snprintf(tag, sizeof tag, "VB%s", tag[3] == 'B' ? "" : tag + 3);
                gold[n] = tac_arena_strdup(&f->arena, tag);
                words[n++] = tac_arena_strdup(&f->arena, word);
            }
        }
        const char *tags[256];
        assert_int_equal(tac_tag_tokens(f->tagger, (const char *const *)words, n, tags,
                                        &f->arena, &err), TAC_OK);
        for (size_t i = 0; i < n; i++)
            right += strcmp(tags[i], gold[i]) == 0;
        total += n;
        p = end;
    }
    free(text);
    assert_true(total > 1000);
    double acc = 100.0 * (double)right / (double)total;
    print_message("GigaWord sample: %zu tokens, accuracy %.2f%%\n", total, acc);
    assert_true(acc >= 96.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_model_loads),
        cmocka_unit_test(tags_unambiguous_sentences),
        cmocka_unit_test(closed_forms_by_rule),
        cmocka_unit_test(unknown_words),
        cmocka_unit_test(participles_and_past_tenses),
        cmocka_unit_test(base_verbs_after_modals_and_to),
        cmocka_unit_test(verbs_without_auxiliaries),
        cmocka_unit_test(name_syllables_inside_names),
        cmocka_unit_test(empty_and_bad_arguments),
        cmocka_unit_test(null_tokens_inside_rule_contexts),
        cmocka_unit_test(tags_text_sentences),
        cmocka_unit_test(scratch_does_not_grow_across_sentences),
        cmocka_unit_test(missing_model_is_a_clear_error),
        cmocka_unit_test(corrupt_models_are_rejected),
        cmocka_unit_test(lemmas),
        cmocka_unit_test(lemma_of_unchanged_word_is_the_word),
        cmocka_unit_test(accuracy_on_gold_trees),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
