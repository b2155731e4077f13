/* first-frame.c: time from launching a program to its first drawn frame,
 * measured from outside the process
 *
 * Usage: first-frame COMMAND [ARGS…]
 *
 * Watches the X server for the creation of new top-level windows (before
 * the program is started), puts an XDamage monitor on each, and prints the
 * milliseconds from fork() to the first damage of a mapped window, that is
 * the first pixels the program put on screen. Then it terminates the
 * program. The same timer is used for every program compared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* New windows may be InputOnly or gone already: not ours to judge. */
static int
ignore_x_error (Display     *display,
                XErrorEvent *error)
{
  return 0;
}

/* For checking the method: what was on screen when the timer stopped. */
static void
dump_window (Display           *display,
             Window             window,
             XWindowAttributes *attributes,
             const char        *path)
{
  XImage *image = XGetImage (display, window, 0, 0, attributes->width, attributes->height,
                             AllPlanes, ZPixmap);
  FILE *file = fopen (path, "wb");

  if (image == NULL || file == NULL)
    return;
  fprintf (file, "P6\n%d %d\n255\n", attributes->width, attributes->height);
  for (int y = 0; y < attributes->height; y++)
    for (int x = 0; x < attributes->width; x++)
      {
        unsigned long pixel = XGetPixel (image, x, y);
        unsigned char rgb[3] = { (pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff };
        fwrite (rgb, 1, 3, file);
      }
  fclose (file);
  XDestroyImage (image);
}

/* Mapping a window clears it to black, which XDamage also reports: the
 * frame counts only once the program has painted something, checked on
 * the middle row of the window. */
static int
has_content (Display           *display,
             Window             window,
             XWindowAttributes *attributes)
{
  XImage *image = XGetImage (display, window, 0, attributes->height / 2, attributes->width, 1,
                             AllPlanes, ZPixmap);
  int found = 0;

  if (image == NULL)
    return 0;
  for (int x = 0; x < attributes->width && !found; x++)
    found = (XGetPixel (image, x, 0) & 0xffffff) != 0;
  XDestroyImage (image);
  return found;
}

static double
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  Window root;
  int damage_event;
  int damage_error;
  double start;
  pid_t pid;
  int timeout_ms = 20000;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s COMMAND [ARGS…]\n", argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "Cannot open the X display\n");
      return 2;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      fprintf (stderr, "No XDamage extension\n");
      return 2;
    }

  XSetErrorHandler (ignore_x_error);
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      /* Services the program starts must not hold our stdout open. */
      int null_fd = open ("/dev/null", O_RDWR);
      dup2 (null_fd, STDOUT_FILENO);
      dup2 (null_fd, STDERR_FILENO);
      execvp (argv[1], argv + 1);
      _exit (127);
    }

  for (;;)
    {
      XEvent event;

      while (XPending (display) == 0)
        {
          struct pollfd pfd = { ConnectionNumber (display), POLLIN, 0 };
          if (now_ms () - start > timeout_ms)
            {
              fprintf (stderr, "No frame within %d ms\n", timeout_ms);
              kill (pid, SIGTERM);
              waitpid (pid, NULL, 0);
              return 1;
            }
          poll (&pfd, 1, 50);
        }

      XNextEvent (display, &event);
      if (event.type == CreateNotify && event.xcreatewindow.parent == root)
        {
          /* Monitor from creation on, so no early frame is missed. */
          XDamageCreate (display, event.xcreatewindow.window, XDamageReportNonEmpty);
        }
      else if (event.type == damage_event + XDamageNotify)
        {
          XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;
          XWindowAttributes attributes;

          XDamageSubtract (display, damage->damage, None, None);
          if (XGetWindowAttributes (display, damage->drawable, &attributes) &&
              attributes.map_state == IsViewable &&
              attributes.width > 1 && attributes.height > 1 &&
              has_content (display, damage->drawable, &attributes))
            {
              printf ("%.1f\n", now_ms () - start);
              fflush (stdout);
              if (getenv ("FIRST_FRAME_DUMP") != NULL)
                dump_window (display, damage->drawable, &attributes, getenv ("FIRST_FRAME_DUMP"));
              break;
            }
        }
    }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  return 0;
}
