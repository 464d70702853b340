#ifndef CLIBEDITSHIM_H
#define CLIBEDITSHIM_H
/* Non-variadic wrappers around libedit's variadic set-up calls (Swift cannot call C
   variadics) and the SIGINT flag the line reader polls. Implemented in shim.c. */
#include <histedit.h>
#endif
