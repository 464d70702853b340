#define _GNU_SOURCE 1 /* wcwidth */
#include "CLibEditShim.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

FILE *coach_stdin(void) { return stdin; }
FILE *coach_stdout(void) { return stdout; }
FILE *coach_stderr(void) { return stderr; }

EditLine *coach_el_init(const char *prog, FILE *in, FILE *out, FILE *err) {
  return el_init(prog, in, out, err);
}

int coach_el_set_editor(EditLine *el, const wchar_t *mode) {
  return el_wset(el, EL_EDITOR, mode);
}

int coach_el_set_signal(EditLine *el, int on) {
  return el_wset(el, EL_SIGNAL, on);
}

int coach_el_set_prompt_esc(EditLine *el, coach_el_prompt_fn prompt, wchar_t literal_mode_char) {
  /* The literal-mode character travels through `...` as a promoted int. */
  return el_wset(el, EL_PROMPT_ESC, prompt, (int)literal_mode_char);
}

int coach_el_set_hist(EditLine *el, HistoryW *history) {
  return el_wset(el, EL_HIST, history_w, history);
}

int coach_el_set_clientdata(EditLine *el, void *data) {
  return el_wset(el, EL_CLIENTDATA, data);
}

int coach_el_addfn(EditLine *el, const wchar_t *name, const wchar_t *help, coach_el_command_fn fn) {
  return el_wset(el, EL_ADDFN, name, help, fn);
}

int coach_el_bind(EditLine *el, const wchar_t *key, const wchar_t *function) {
  return el_wset(el, EL_BIND, key, function, (const wchar_t *)NULL);
}

void *coach_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_wget(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

int coach_el_get_editmode(EditLine *el) {
  int on = 0;
  if (el_wget(el, EL_EDITMODE, &on) != 0) return -1;
  return on ? 1 : 0;
}

int coach_el_get_columns(EditLine *el) {
  int columns = 0;
  /* EL_GETTC takes a narrow capability name and an int* for numeric capabilities. */
  if (el_get(el, EL_GETTC, "co", &columns) != 0) return -1;
  return columns;
}

int coach_history_setsize(HistoryW *h, int size) {
  HistEventW ev;
  return history_w(h, &ev, H_SETSIZE, size);
}

int coach_history_setunique(HistoryW *h, int unique) {
  HistEventW ev;
  return history_w(h, &ev, H_SETUNIQUE, unique);
}

int coach_history_enter(HistoryW *h, const wchar_t *line) {
  HistEventW ev;
  return history_w(h, &ev, H_ENTER, line);
}

int coach_history_load(HistoryW *h, const char *path) {
  HistEventW ev;
  return history_w(h, &ev, H_LOAD, path);
}

int coach_history_save_fp(HistoryW *h, FILE *fp) {
  HistEventW ev;
  return history_w(h, &ev, H_SAVE_FP, fp);
}

int coach_history_count(HistoryW *h) {
  HistEventW ev;
  if (history_w(h, &ev, H_GETSIZE) == -1) return -1;
  return ev.num;
}

int coach_wcwidth(wchar_t c) { return wcwidth(c); }

/* SIGINT. The flag is written by the handler and read by the reader's thread. */
static volatile sig_atomic_t coach_sigint_flag = 0;
static volatile sig_atomic_t coach_sigint_reading = 0;
static pthread_t coach_sigint_reader; /* valid while coach_sigint_reading is 1 */
static sigset_t coach_sigint_reader_mask;
static pthread_mutex_t coach_sigint_lock = PTHREAD_MUTEX_INITIALIZER;
static int coach_sigint_installs = 0;
static struct sigaction coach_sigint_previous;

static void coach_sigint_handler(int signo) {
  int saved_errno = errno;
  coach_sigint_flag = 1;
  if (coach_sigint_reading && !pthread_equal(pthread_self(), coach_sigint_reader)) {
    pthread_kill(coach_sigint_reader, signo); /* async-signal-safe */
  }
  errno = saved_errno;
}

void coach_sigint_install(void) {
  pthread_mutex_lock(&coach_sigint_lock);
  if (coach_sigint_installs++ == 0) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = coach_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: read() must return EINTR */
    sigaction(SIGINT, &action, &coach_sigint_previous);
  }
  pthread_mutex_unlock(&coach_sigint_lock);
}

void coach_sigint_uninstall(void) {
  pthread_mutex_lock(&coach_sigint_lock);
  if (coach_sigint_installs > 0 && --coach_sigint_installs == 0) {
    sigaction(SIGINT, &coach_sigint_previous, NULL);
  }
  pthread_mutex_unlock(&coach_sigint_lock);
}

void coach_sigint_reading_begin(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  coach_sigint_reader = pthread_self();
  coach_sigint_reading = 1;
  pthread_sigmask(SIG_UNBLOCK, &set, &coach_sigint_reader_mask);
}

void coach_sigint_reading_end(void) {
  coach_sigint_reading = 0;
  pthread_sigmask(SIG_SETMASK, &coach_sigint_reader_mask, NULL);
}

void coach_sigint_clear(void) { coach_sigint_flag = 0; }

int coach_sigint_peek(void) { return coach_sigint_flag ? 1 : 0; }

int coach_sigint_take(void) {
  int was = coach_sigint_flag ? 1 : 0;
  coach_sigint_flag = 0;
  return was;
}

/* ---- SIGWINCH: a flag the output polls before it measures the terminal. ---- */

static volatile sig_atomic_t coach_sigwinch_flag = 0;
static int coach_sigwinch_installs = 0;
static struct sigaction coach_sigwinch_previous;

static void coach_sigwinch_handler(int signo) {
  (void)signo;
  coach_sigwinch_flag = 1;
}

void coach_sigwinch_install(void) {
  pthread_mutex_lock(&coach_sigint_lock);
  if (coach_sigwinch_installs++ == 0) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = coach_sigwinch_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; /* a resize must never interrupt a write */
    sigaction(SIGWINCH, &action, &coach_sigwinch_previous);
  }
  pthread_mutex_unlock(&coach_sigint_lock);
}

void coach_sigwinch_uninstall(void) {
  pthread_mutex_lock(&coach_sigint_lock);
  if (coach_sigwinch_installs > 0 && --coach_sigwinch_installs == 0) {
    sigaction(SIGWINCH, &coach_sigwinch_previous, NULL);
  }
  pthread_mutex_unlock(&coach_sigint_lock);
}

int coach_sigwinch_take(void) {
  int was = coach_sigwinch_flag ? 1 : 0;
  coach_sigwinch_flag = 0;
  return was;
}

/* ---- Bracketed paste: on while a line is read, never left on for the shell. ---- */

#include <unistd.h>

static volatile sig_atomic_t coach_paste_fd = -1; /* >= 0 while the mode is on */
static int coach_paste_installs = 0;
static struct sigaction coach_paste_previous_tstp;

static void coach_paste_write(int fd, const char *text) {
  size_t n = strlen(text);
  while (n > 0) {
    ssize_t w = write(fd, text, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    text += w;
    n -= (size_t)w;
  }
}

static void coach_paste_on_tstp(int signo) {
  int saved_errno = errno;
  int fd = coach_paste_fd;
  if (fd >= 0) coach_paste_write(fd, "\033[?2004l");
  /* Stop as the default action would, then carry on where we were. */
  struct sigaction dfl, mine;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(signo, &dfl, &mine);
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, signo);
  pthread_sigmask(SIG_UNBLOCK, &set, &old);
  raise(signo);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  sigaction(signo, &mine, NULL);
  if (fd >= 0 && coach_paste_fd == fd) coach_paste_write(fd, "\033[?2004h");
  errno = saved_errno;
}

void coach_paste_install(void) {
  pthread_mutex_lock(&coach_sigint_lock);
  if (coach_paste_installs++ == 0) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = coach_paste_on_tstp;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTSTP, &action, &coach_paste_previous_tstp);
  }
  pthread_mutex_unlock(&coach_sigint_lock);
}

void coach_paste_uninstall(void) {
  pthread_mutex_lock(&coach_sigint_lock);
  if (coach_paste_installs > 0 && --coach_paste_installs == 0) {
    sigaction(SIGTSTP, &coach_paste_previous_tstp, NULL);
  }
  pthread_mutex_unlock(&coach_sigint_lock);
}

void coach_paste_on(int fd) {
  if (fd < 0) return;
  coach_paste_write(fd, "\033[?2004h");
  coach_paste_fd = fd;
}

void coach_paste_off(void) {
  int fd = coach_paste_fd;
  if (fd < 0) return;
  coach_paste_fd = -1;
  coach_paste_write(fd, "\033[?2004l");
}

int coach_paste_is_on(void) { return coach_paste_fd >= 0 ? 1 : 0; }

/* ---- Termination: a message, then _exit. Only async-signal-safe calls in the handler. ---- */

#include <signal.h>
#include <string.h>
#include <unistd.h>

static char coach_termination_message[512];
static size_t coach_termination_length = 0;
static char coach_unsaved_message[512];
static size_t coach_unsaved_length = 0;
static volatile sig_atomic_t coach_unsaved = 0;

void coach_set_unsaved(int unsaved) { coach_unsaved = unsaved ? 1 : 0; }

static void coach_on_termination(int signo) {
  if (coach_paste_fd >= 0) {
    ssize_t ignored = write(coach_paste_fd, "\033[?2004l", 8);
    (void)ignored;
  }
  if (coach_unsaved && coach_unsaved_length > 0) {
    ssize_t ignored = write(STDERR_FILENO, coach_unsaved_message, coach_unsaved_length);
    (void)ignored;
  } else if (coach_termination_length > 0) {
    ssize_t ignored = write(STDERR_FILENO, coach_termination_message, coach_termination_length);
    (void)ignored;
  }
  _exit(128 + signo);
}

void coach_install_termination_handler(const char *message, const char *unsaved_message) {
  size_t n = message ? strlen(message) : 0;
  if (n >= sizeof(coach_termination_message)) n = sizeof(coach_termination_message) - 1;
  if (n > 0) memcpy(coach_termination_message, message, n);
  coach_termination_length = n;
  n = unsaved_message ? strlen(unsaved_message) : 0;
  if (n >= sizeof(coach_unsaved_message)) n = sizeof(coach_unsaved_message) - 1;
  if (n > 0) memcpy(coach_unsaved_message, unsaved_message, n);
  coach_unsaved_length = n;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = coach_on_termination;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
}
