/* dl-test-keyboard.c
 *
 * A UI test that activates an action proves the action works, not the
 * key: the key may never reach it (the library's search entry took the
 * Delete key for itself). These helpers press real keys with the XTest
 * extension: the X server delivers them to whatever has the keyboard
 * focus, exactly as a keyboard would, and GTK routes them from there.
 * Characters missing from the keymap (Cyrillic on Xvfb's US layout) are
 * typed through a spare keycode mapped for the moment, as xdotool does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "dl-test-keyboard.h"

static Display *
x_display (GtkWidget *widget)
{
  GdkDisplay *display = widget != NULL ? gtk_widget_get_display (widget) : gdk_display_get_default ();

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  return gdk_x11_display_get_xdisplay (display);
}

/**
 * dl_test_keyboard_available:
 *
 * Returns: whether keys can be pressed (an X display with XTest)
 */
gboolean
dl_test_keyboard_available (GtkWidget *widget)
{
  Display *dpy = x_display (widget);
  int event_base, error_base, major, minor;

  return dpy != NULL && XTestQueryExtension (dpy, &event_base, &error_base, &major, &minor);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * dl_test_keyboard_settle:
 *
 * Runs the main loop for @ms milliseconds, so events are handled.
 */
void
dl_test_keyboard_settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * dl_test_keyboard_focus:
 *
 * Gives @window the keyboard focus, as a click on it would.
 */
void
dl_test_keyboard_focus (GtkWindow *window)
{
  Display *dpy = x_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_nonnull (dpy);
  /* A press and its release are sent together, but an X server starved
   * of CPU (the suite under load) could see the key held past the
   * autorepeat delay and type it twice: typing must not depend on it. */
  XAutoRepeatOff (dpy);
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XFlush (dpy);
  while (!gtk_window_is_active (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_window_is_active (window));
}

static void
fake_key (Display *dpy,
          KeyCode  keycode,
          gboolean press)
{
  XTestFakeKeyEvent (dpy, keycode, press, CurrentTime);
}

static void
modifiers_do (Display         *dpy,
              GdkModifierType  modifiers,
              gboolean         press)
{
  if (modifiers & GDK_CONTROL_MASK)
    fake_key (dpy, XKeysymToKeycode (dpy, XK_Control_L), press);
  if (modifiers & GDK_SHIFT_MASK)
    fake_key (dpy, XKeysymToKeycode (dpy, XK_Shift_L), press);
  if (modifiers & GDK_ALT_MASK)
    fake_key (dpy, XKeysymToKeycode (dpy, XK_Alt_L), press);
}

/* A keycode with no symbols at all, to borrow for a character the
 * keymap lacks. */
static KeyCode
spare_keycode (Display *dpy)
{
  int min, max, per;
  KeySym *map;
  KeyCode spare = 0;

  XDisplayKeycodes (dpy, &min, &max);
  map = XGetKeyboardMapping (dpy, min, max - min + 1, &per);
  for (int code = max; code >= min && spare == 0; code--)
    {
      gboolean empty = TRUE;

      for (int i = 0; i < per; i++)
        if (map[(code - min) * per + i] != NoSymbol)
          empty = FALSE;
      if (empty)
        spare = code;
    }
  XFree (map);
  return spare;
}

static void
press_keysym (Display         *dpy,
              KeySym           keysym,
              GdkModifierType  modifiers)
{
  KeyCode keycode = XKeysymToKeycode (dpy, keysym);
  KeyCode borrowed = 0;

  if (keycode == 0)
    {
      KeySym syms[2] = { keysym, keysym };

      borrowed = keycode = spare_keycode (dpy);
      g_assert_cmpint (keycode, !=, 0);
      XChangeKeyboardMapping (dpy, keycode, 2, syms, 1);
      XSync (dpy, False);
      /* GTK reads the new mapping from the MappingNotify it is sent. */
      dl_test_keyboard_settle (30);
    }
  else if (XkbKeycodeToKeysym (dpy, keycode, 0, 0) != keysym
           && XkbKeycodeToKeysym (dpy, keycode, 0, 1) == keysym)
    modifiers |= GDK_SHIFT_MASK;

  modifiers_do (dpy, modifiers, TRUE);
  fake_key (dpy, keycode, TRUE);
  fake_key (dpy, keycode, FALSE);
  modifiers_do (dpy, modifiers, FALSE);
  XFlush (dpy);

  if (borrowed != 0)
    {
      KeySym none[2] = { NoSymbol, NoSymbol };

      /* The key must be handled before its meaning goes. */
      dl_test_keyboard_settle (30);
      XChangeKeyboardMapping (dpy, borrowed, 2, none, 1);
      XSync (dpy, False);
    }
}

/**
 * dl_test_keyboard_press:
 * @keyval: a GDK key value (the same numbers as X keysyms)
 *
 * Presses and releases a key, with @modifiers held, to whatever has the
 * keyboard focus. Returns at once: the events are handled by the main
 * loop (dl_test_keyboard_settle()).
 */
void
dl_test_keyboard_press (GtkWidget       *widget,
                        guint            keyval,
                        GdkModifierType  modifiers)
{
  Display *dpy = x_display (widget);

  g_assert_nonnull (dpy);
  press_keysym (dpy, keyval, modifiers);
}

/**
 * dl_test_keyboard_type_char:
 *
 * Types one character. Returns: %FALSE for a character no key can type
 */
gboolean
dl_test_keyboard_type_char (GtkWidget *widget,
                            gunichar   c)
{
  guint keyval;

  if (c == '\n')
    keyval = GDK_KEY_Return;
  else if (c == '\t')
    keyval = GDK_KEY_Tab;
  else
    keyval = gdk_unicode_to_keyval (c);
  if (keyval == 0 || (keyval & 0x01000000) == 0x01000000)
    {
      /* Keysyms for any Unicode character exist (0x1000000 + code). */
      keyval = 0x01000000 | c;
    }
  dl_test_keyboard_press (widget, keyval, 0);
  return TRUE;
}

/**
 * dl_test_keyboard_type:
 *
 * Types @text, one key at a time, handling events after each.
 */
void
dl_test_keyboard_type (GtkWidget  *widget,
                       const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      dl_test_keyboard_type_char (widget, g_utf8_get_char (p));
      dl_test_keyboard_settle (5);
    }
}

/**
 * dl_test_pointer_click_at:
 * @x: (in @widget's coordinates)
 * @button: 1 for the primary button, 3 for the secondary
 *
 * Moves the pointer there and clicks, through the X server as a mouse
 * would: the click goes to whatever is on screen at that point.
 */
void
dl_test_pointer_click_at (GtkWidget *widget,
                          double     x,
                          double     y,
                          guint      button)
{
  Display *dpy = x_display (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double surface_x, surface_y;
  int root_x, root_y;
  Window child;

  g_assert_nonnull (dpy);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (surface), DefaultRootWindow (dpy),
                         (int) (point.x + surface_x), (int) (point.y + surface_y), &root_x, &root_y, &child);
  XTestFakeMotionEvent (dpy, -1, root_x, root_y, CurrentTime);
  XTestFakeButtonEvent (dpy, button, True, CurrentTime);
  XTestFakeButtonEvent (dpy, button, False, CurrentTime);
  XFlush (dpy);
}

/**
 * dl_test_pointer_click:
 *
 * Clicks the primary button in the middle of @widget.
 */
void
dl_test_pointer_click (GtkWidget *widget)
{
  dl_test_pointer_click_at (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, 1);
}
