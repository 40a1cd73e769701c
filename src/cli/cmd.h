/* The commands: each takes the arguments after its own name. */
#ifndef CLI_CMD_H
#define CLI_CMD_H

int cmd_score(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_rubric(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_skm(int argc, char **argv);
/* Print the help of one command (NULL: the overview); returns an exit code. */
int cmd_help_for(const char *name, int lang);

#endif
