// The inputs of one category's details (docs/API.md "Need details"): what a coordinator records for that need.
import type { UseFormRegister } from 'react-hook-form';
import type { NeedCategory } from '../../../shared/graphql/generated/graphql';
import { ja } from '../../../shared/i18n/ja';
import { TextField } from '../../../shared/ui/TextField';
import { ChoiceGroup, SelectField, TextAreaField, YES_NO, optionsOf } from './fields';
import type { NewReferralValues } from './form-model';

const D = ja.newReferral.details;
const E = ja.enums;

export interface DetailsFieldsProps {
  category: NeedCategory;
  register: UseFormRegister<NewReferralValues>;
  errorOf: (field: string) => string | undefined;
  idOf: (field: string) => string;
  areas: Array<{ code: string; name: string }>;
}

export function DetailsFields({ category, register, errorOf, idOf, areas }: DetailsFieldsProps) {
  const field = (path: string) => ({ id: idOf(path), error: errorOf(path) });
  switch (category) {
    case 'TRANSPORT':
      return (
        <>
          <ChoiceGroup
            {...field('details.transport.purpose')}
            legend={D.purpose}
            required
            type="radio"
            options={optionsOf(E.transportPurpose)}
            registration={register('details.transport.purpose')}
          />
          <SelectField
            {...field('details.transport.frequency')}
            label={D.frequency}
            options={optionsOf(E.frequency)}
            registration={register('details.transport.frequency')}
          />
          <ChoiceGroup
            {...field('details.transport.days')}
            legend={D.days}
            type="checkbox"
            options={optionsOf(E.weekday)}
            registration={register('details.transport.days')}
          />
          <ChoiceGroup
            {...field('details.transport.mobility')}
            legend={D.mobility}
            type="radio"
            options={optionsOf(E.mobility)}
            registration={register('details.transport.mobility')}
          />
          <ChoiceGroup
            {...field('details.transport.escortNeeded')}
            legend={D.escortNeeded}
            type="radio"
            options={YES_NO}
            registration={register('details.transport.escortNeeded')}
          />
        </>
      );
    case 'SHOPPING':
      return (
        <>
          <ChoiceGroup
            {...field('details.shopping.scope')}
            legend={D.scope}
            required
            type="radio"
            options={optionsOf(E.shoppingScope)}
            registration={register('details.shopping.scope')}
          />
          <TextField
            {...field('details.shopping.location')}
            label={D.location}
            hint={D.locationHint}
            maxLength={200}
            {...register('details.shopping.location')}
          />
          <TextField {...field('details.shopping.nearestShop')} label={D.nearestShop} maxLength={100} {...register('details.shopping.nearestShop')} />
          <ChoiceGroup
            {...field('details.shopping.mobileSalesWanted')}
            legend={D.mobileSalesWanted}
            type="radio"
            options={YES_NO}
            registration={register('details.shopping.mobileSalesWanted')}
          />
          <SelectField
            {...field('details.shopping.frequency')}
            label={D.frequency}
            options={optionsOf(E.frequency)}
            registration={register('details.shopping.frequency')}
          />
        </>
      );
    case 'VOLUNTEER_INTEREST':
      return (
        <>
          <ChoiceGroup
            {...field('details.volunteerInterest.skills')}
            legend={D.skills}
            type="checkbox"
            options={optionsOf(E.volunteerSkill)}
            registration={register('details.volunteerInterest.skills')}
          />
          <ChoiceGroup
            {...field('details.volunteerInterest.days')}
            legend={D.days}
            type="checkbox"
            options={optionsOf(E.weekday)}
            registration={register('details.volunteerInterest.days')}
          />
          <ChoiceGroup
            {...field('details.volunteerInterest.areaCodes')}
            legend={D.areaCodes}
            type="checkbox"
            options={areas.map((area) => [area.code, area.name])}
            registration={register('details.volunteerInterest.areaCodes')}
          />
          <ChoiceGroup
            {...field('details.volunteerInterest.supporterTrainingCompleted')}
            legend={D.supporterTrainingCompleted}
            type="radio"
            options={YES_NO}
            registration={register('details.volunteerInterest.supporterTrainingCompleted')}
          />
          <ChoiceGroup
            {...field('details.volunteerInterest.workPreference')}
            legend={D.workPreference}
            type="radio"
            options={optionsOf(E.workPreference)}
            registration={register('details.volunteerInterest.workPreference')}
          />
        </>
      );
    case 'HOME_HELP':
      return (
        <>
          <ChoiceGroup
            {...field('details.homeHelp.tasks')}
            legend={D.tasks}
            required
            type="checkbox"
            options={optionsOf(E.homeHelpTask)}
            registration={register('details.homeHelp.tasks')}
          />
          <SelectField
            {...field('details.homeHelp.frequency')}
            label={D.frequency}
            options={optionsOf(E.frequency)}
            registration={register('details.homeHelp.frequency')}
          />
        </>
      );
    case 'GATHERING_PLACE':
      return (
        <>
          <ChoiceGroup
            {...field('details.gatheringPlace.placeKind')}
            legend={D.placeKind}
            required
            type="radio"
            options={optionsOf(E.gatheringPlaceKind)}
            registration={register('details.gatheringPlace.placeKind')}
          />
          <ChoiceGroup
            {...field('details.gatheringPlace.days')}
            legend={D.days}
            type="checkbox"
            options={optionsOf(E.weekday)}
            registration={register('details.gatheringPlace.days')}
          />
          <ChoiceGroup
            {...field('details.gatheringPlace.transportNeeded')}
            legend={D.transportNeeded}
            type="radio"
            options={YES_NO}
            registration={register('details.gatheringPlace.transportNeeded')}
          />
        </>
      );
    case 'WATCH_OVER':
      return (
        <>
          <SelectField
            {...field('details.watchOver.frequency')}
            label={D.frequency}
            options={optionsOf(E.frequency)}
            registration={register('details.watchOver.frequency')}
          />
          <ChoiceGroup
            {...field('details.watchOver.methods')}
            legend={D.methods}
            required
            type="checkbox"
            options={optionsOf(E.watchOverMethod)}
            registration={register('details.watchOver.methods')}
          />
        </>
      );
    case 'OTHER':
      return (
        <TextAreaField
          {...field('details.other.note')}
          label={D.note}
          hint={D.noteHint}
          required
          maxLength={1000}
          registration={register('details.other.note')}
        />
      );
  }
}
