#ifndef CLIBEDITSHIM_H
#define CLIBEDITSHIM_H
/* Non-variadic wrappers around libedit's variadic set-up calls (Swift cannot call C
   variadics), the process's stdio streams (Swift 6 rejects the C globals as shared mutable
   state), and the SIGINT flag the line reader polls. Implemented in shim.c.

   Only CoachTerminal's line readers and their tests use this.
   Tested against Debian libedit 3.1-20221030. */
#include <histedit.h>
#include <stdio.h>
#include <wchar.h>

/* histedit.h names these types only in comments. A prompt callback returns a NUL-terminated
   wide string that must stay valid until the next call; a command (EL_ADDFN) returns a CC_*
   code. */
typedef wchar_t *(*coach_el_prompt_fn)(EditLine *);
typedef unsigned char (*coach_el_command_fn)(EditLine *, int);

/* The process's standard streams, fetched in C. */
FILE *coach_stdin(void);
FILE *coach_stdout(void);
FILE *coach_stderr(void);

/* el_init on injected streams (pass coach_stdin() etc. for the process's own). */
EditLine *coach_el_init(const char *prog, FILE *in, FILE *out, FILE *err);

/* el_wset wrappers, one per operation. Each returns el_wset's result (0 = ok, -1 = error). */
int coach_el_set_editor(EditLine *el, const wchar_t *mode);
int coach_el_set_signal(EditLine *el, int on);
int coach_el_set_prompt_esc(EditLine *el, coach_el_prompt_fn prompt, wchar_t literal_mode_char);
int coach_el_set_hist(EditLine *el, HistoryW *history);
int coach_el_set_clientdata(EditLine *el, void *data);
/* EL_ADDFN: libedit keeps `name` and `help` (it does not copy them); they must outlive el. */
int coach_el_addfn(EditLine *el, const wchar_t *name, const wchar_t *help, coach_el_command_fn fn);
int coach_el_bind(EditLine *el, const wchar_t *key, const wchar_t *function);

/* el_wget wrappers. */
void *coach_el_get_clientdata(EditLine *el);
/* 1 when editing is on, 0 after `edit off` (e.g. in ~/.editrc), -1 on error. */
int coach_el_get_editmode(EditLine *el);
/* libedit's idea of the terminal width in columns (termcap "co"), or -1. */
int coach_el_get_columns(EditLine *el);

/* history_w wrappers. Each returns history_w's result (>= 0 = ok, -1 = error). */
int coach_history_setsize(HistoryW *h, int size);
int coach_history_setunique(HistoryW *h, int unique);
int coach_history_enter(HistoryW *h, const wchar_t *line);
/* H_LOAD: path is a narrow, locale-encoded C string even in the wide API. Returns the
   number of entries loaded, or -1 (missing file, or no `_HiStOrY_V2_` header). */
int coach_history_load(HistoryW *h, const char *path);
/* H_SAVE_FP: writes every entry to an already open stream. Returns the count, or -1. */
int coach_history_save_fp(HistoryW *h, FILE *fp);
/* H_GETSIZE: number of entries held. */
int coach_history_count(HistoryW *h);

/* wcwidth(3) in the current locale (Swift's Glibc module does not export it): display columns
   of one character, -1 if unprintable. */
int coach_wcwidth(wchar_t c);

/* SIGINT: a flag-setting handler installed with sigaction and sa_flags = 0 (no SA_RESTART),
   so a blocking read() returns EINTR. Reference counted: the first install saves the
   previous disposition, the matching last uninstall restores it. */
void coach_sigint_install(void);
void coach_sigint_uninstall(void);

/* Bracket a blocking read. `begin` records the calling thread as the reading thread and
   unblocks SIGINT on it (libdispatch and Swift concurrency worker threads block it); `end`
   restores the thread's signal mask. While a read is in progress, a SIGINT that the kernel
   delivers to any other thread (a process-directed signal goes to whichever thread does not
   block it, often the main thread) is forwarded to the reading thread with pthread_kill, so
   its read() is interrupted wherever the signal landed. */
void coach_sigint_reading_begin(void);
void coach_sigint_reading_end(void);

/* Clears the flag. */
void coach_sigint_clear(void);
/* Returns 1 if SIGINT arrived since the last clear/take, without clearing it. */
int coach_sigint_peek(void);
/* Returns 1 if SIGINT arrived since the last clear/take, and clears the flag. */
int coach_sigint_take(void);

/* SIGWINCH: a flag-setting handler (SA_RESTART), reference counted like SIGINT's. The output
   reads the terminal size again when the flag is set, so every render uses the current width.
   libedit's own handler (EL_SIGNAL, while a line is read) resizes the editor and then
   re-raises the signal, which lands here. */
void coach_sigwinch_install(void);
void coach_sigwinch_uninstall(void);
/* Returns 1 if the window size changed since the last take, and clears the flag. */
int coach_sigwinch_take(void);

/* Bracketed paste (xterm mode 2004). `on` writes ESC[?2004h to `fd` and remembers it; `off`
   writes ESC[?2004l if it was on. While it is on, a SIGTSTP (Ctrl-Z) handler turns it off
   before the process stops and on again when it continues, and the SIGTERM/SIGHUP handler turns
   it off before exiting, so the shell never inherits the mode. Install the SIGTSTP handler with
   `coach_paste_install` (reference counted) while a line reader is open. */
void coach_paste_install(void);
void coach_paste_uninstall(void);
void coach_paste_on(int fd);
void coach_paste_off(void);
int coach_paste_is_on(void);

/* SIGTERM/SIGHUP: write `message` to stderr and exit with 128 + the signal number. The message
   is copied. Safe to call more than once. */
void coach_install_termination_handler(const char *message, const char *unsaved_message);
/* Which of the two messages SIGTERM/SIGHUP print: set while the open plan has changes the disk refused. */
void coach_set_unsaved(int unsaved);

#endif
