// libedit's readline compatibility header; never GNU readline's <readline/readline.h>.
#include <stdio.h>
#include <editline/readline.h>
