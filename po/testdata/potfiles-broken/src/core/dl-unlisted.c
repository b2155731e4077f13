/* Fixture: has a translatable string but is not listed. */
const char *dl_unlisted (void);
const char *
dl_unlisted (void)
{
  return C_("fixture", "Unlisted");
}
