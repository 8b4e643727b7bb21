#include <stdio.h>
#include <string.h>

#include "cli.h"

static int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("tacitus %s\n", TACITUS_VERSION);
    return CLI_OK;
}

static int cmd_help(int argc, char **argv);

static const cli_command commands[] = {
    {"tokenize", "split and tokenize articles; one sentence per line", cmd_tokenize},
    {"code", "code articles or parsed sentences into events", cmd_code},
    {"tag", "tag every sentence with Penn Treebank tags (and lemmas)", cmd_tag},
    {"parse", "parse every sentence into a Penn Treebank tree, one per line", cmd_parse},
    {"query", "list or aggregate events in an event store (--db)", cmd_query},
    {"export", "export a store's events: phoenix, csv, jsonl, plover-json", cmd_export},
    {"explain", "show why a stored event was coded (document, pattern, actors)", cmd_explain},
    {"eval", "score the coder on gold-standard records (PLOVER GSR JSON)", cmd_eval},
    {"validate", "code a PETRARCH validation file and compare with its expected events", cmd_validate},
    {"dict", "dict check DIR|FILES: lint a dictionary set and count its entries", cmd_dict},
    {"version", "print the version", cmd_version},
    {"help", "list the commands", cmd_help},
};

static int cmd_help(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("usage: tacitus COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].summary);
    printf("\n'tacitus COMMAND --help' describes a command's options.\n");
    return CLI_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cmd_help(0, NULL);
        return CLI_FATAL;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h"))
        return cmd_help(0, NULL);
    if (!strcmp(name, "--version"))
        return cmd_version(0, NULL);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (!strcmp(commands[i].name, name))
            return commands[i].run(argc - 1, argv + 1);
    }
    fprintf(stderr, "tacitus: unknown command '%s' (try 'tacitus help')\n", name);
    return CLI_FATAL;
}
