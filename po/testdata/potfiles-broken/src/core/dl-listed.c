/* Fixture: listed in POTFILES.in. */
const char *dl_listed (void);
const char *
dl_listed (void)
{
  return _("Listed");
}
