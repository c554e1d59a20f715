/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-participant-row"

#include "hs-participant-private.h"
#include "hs-participant-row.h"

/* One line of the participants list: what the columns show, read once from
 * SQL. The labels are translated here so that a view can show them as they are. */
struct _HsParticipantRow
{
  GObject   parent_instance;

  gint64    id;
  char     *full_name;
  char     *sex;
  char     *sex_label;
  char     *age_band;
  char     *age_band_label;
  char     *district;
  gboolean  is_prisoner;
  char     *setting_label;
  char     *group;
  gint64    group_id;
  char     *outcome;
  char     *outcome_label;
  gboolean  consent_withdrawn;
};

G_DEFINE_FINAL_TYPE (HsParticipantRow, hs_participant_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_SEX,
  PROP_SEX_LABEL,
  PROP_AGE_BAND,
  PROP_AGE_BAND_LABEL,
  PROP_DISTRICT,
  PROP_IS_PRISONER,
  PROP_SETTING_LABEL,
  PROP_GROUP,
  PROP_GROUP_ID,
  PROP_OUTCOME,
  PROP_OUTCOME_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_participant_row_finalize (GObject *object)
{
  HsParticipantRow *self = HS_PARTICIPANT_ROW (object);

  g_free (self->full_name);
  g_free (self->sex);
  g_free (self->sex_label);
  g_free (self->age_band);
  g_free (self->age_band_label);
  g_free (self->district);
  g_free (self->setting_label);
  g_free (self->group);
  g_free (self->outcome);
  g_free (self->outcome_label);

  G_OBJECT_CLASS (hs_participant_row_parent_class)->finalize (object);
}

static void
hs_participant_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HsParticipantRow *self = HS_PARTICIPANT_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;
    case PROP_SEX:
      g_value_set_string (value, self->sex);
      break;
    case PROP_SEX_LABEL:
      g_value_set_string (value, self->sex_label);
      break;
    case PROP_AGE_BAND:
      g_value_set_string (value, self->age_band);
      break;
    case PROP_AGE_BAND_LABEL:
      g_value_set_string (value, self->age_band_label);
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;
    case PROP_IS_PRISONER:
      g_value_set_boolean (value, self->is_prisoner);
      break;
    case PROP_SETTING_LABEL:
      g_value_set_string (value, self->setting_label);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;
    case PROP_OUTCOME_LABEL:
      g_value_set_string (value, self->outcome_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_participant_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HsParticipantRow *self = HS_PARTICIPANT_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_FULL_NAME:
      self->full_name = g_value_dup_string (value);
      break;
    case PROP_SEX:
      self->sex = g_value_dup_string (value);
      break;
    case PROP_SEX_LABEL:
      self->sex_label = g_value_dup_string (value);
      break;
    case PROP_AGE_BAND:
      self->age_band = g_value_dup_string (value);
      break;
    case PROP_AGE_BAND_LABEL:
      self->age_band_label = g_value_dup_string (value);
      break;
    case PROP_DISTRICT:
      self->district = g_value_dup_string (value);
      break;
    case PROP_IS_PRISONER:
      self->is_prisoner = g_value_get_boolean (value);
      break;
    case PROP_SETTING_LABEL:
      self->setting_label = g_value_dup_string (value);
      break;
    case PROP_GROUP:
      self->group = g_value_dup_string (value);
      break;
    case PROP_GROUP_ID:
      self->group_id = g_value_get_int64 (value);
      break;
    case PROP_OUTCOME:
      self->outcome = g_value_dup_string (value);
      break;
    case PROP_OUTCOME_LABEL:
      self->outcome_label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_participant_row_class_init (HsParticipantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_participant_row_finalize;
  object_class->get_property = hs_participant_row_get_property;
  object_class->set_property = hs_participant_row_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, flags);
  properties[PROP_SEX] = g_param_spec_string ("sex", NULL, NULL, NULL, flags);
  properties[PROP_SEX_LABEL] = g_param_spec_string ("sex-label", NULL, NULL, NULL, flags);
  properties[PROP_AGE_BAND] = g_param_spec_string ("age-band", NULL, NULL, NULL, flags);
  properties[PROP_AGE_BAND_LABEL] = g_param_spec_string ("age-band-label", NULL, NULL, NULL, flags);
  properties[PROP_DISTRICT] = g_param_spec_string ("district", NULL, NULL, NULL, flags);
  properties[PROP_IS_PRISONER] = g_param_spec_boolean ("is-prisoner", NULL, NULL, FALSE, flags);
  properties[PROP_SETTING_LABEL] = g_param_spec_string ("setting-label", NULL, NULL, NULL, flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);
  properties[PROP_GROUP_ID] = g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, NULL, flags);
  properties[PROP_OUTCOME_LABEL] = g_param_spec_string ("outcome-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_participant_row_init (HsParticipantRow *self)
{
}

gint64
hs_participant_row_get_id (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), 0);
  return self->id;
}

const char *
hs_participant_row_get_full_name (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->full_name;
}

const char *
hs_participant_row_get_sex (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->sex;
}

const char *
hs_participant_row_get_sex_label (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->sex_label;
}

const char *
hs_participant_row_get_age_band (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->age_band;
}

const char *
hs_participant_row_get_age_band_label (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->age_band_label;
}

const char *
hs_participant_row_get_district (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->district;
}

gboolean
hs_participant_row_get_is_prisoner (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), FALSE);
  return self->is_prisoner;
}

const char *
hs_participant_row_get_setting_label (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->setting_label;
}

const char *
hs_participant_row_get_group (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->group;
}

gint64
hs_participant_row_get_group_id (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), 0);
  return self->group_id;
}

const char *
hs_participant_row_get_outcome (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->outcome;
}

const char *
hs_participant_row_get_outcome_label (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), NULL);
  return self->outcome_label;
}

HsParticipantRow *
_hs_participant_row_new (gint64      id,
                         const char *full_name,
                         const char *sex,
                         const char *sex_label,
                         const char *age_band,
                         const char *age_band_label,
                         const char *district,
                         gboolean    is_prisoner,
                         const char *setting_label,
                         gint64      group_id,
                         const char *group,
                         const char *outcome,
                         const char *outcome_label,
                         gboolean    consent_withdrawn)
{
  HsParticipantRow *self = g_object_new (HS_TYPE_PARTICIPANT_ROW, NULL);

  self->id = id;
  self->full_name = g_strdup (full_name);
  self->sex = g_strdup (sex);
  self->sex_label = g_strdup (sex_label);
  self->age_band = g_strdup (age_band);
  self->age_band_label = g_strdup (age_band_label);
  self->district = g_strdup (district);
  self->is_prisoner = is_prisoner;
  self->setting_label = g_strdup (setting_label);
  self->group_id = group_id;
  self->group = g_strdup (group);
  self->outcome = g_strdup (outcome);
  self->outcome_label = g_strdup (outcome_label);
  self->consent_withdrawn = consent_withdrawn;
  return self;
}

/* The person withdrew their consent: the record stays for the programme's
 * figures but is left out of every export, and the list says so. */
gboolean
hs_participant_row_get_consent_withdrawn (HsParticipantRow *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_ROW (self), FALSE);
  return self->consent_withdrawn;
}
