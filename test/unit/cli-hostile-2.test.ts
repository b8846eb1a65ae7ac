import { describeHostileInputs } from "../helpers/hostile-inputs.js";

// Half of the commands of the table over the hostile-input corpus (the other half: cli-hostile-1).
describeHostileInputs(1);
