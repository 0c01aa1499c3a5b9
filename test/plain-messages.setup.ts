// Service-level tests see the validation messages the app and the CLI give (createApp and run set them too).
import { applyPlainValidationMessages } from '../src/core/validation/messages';

applyPlainValidationMessages();
