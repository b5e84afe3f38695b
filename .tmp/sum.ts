import { summariseProfile } from '../scripts/bench/profile.ts';
console.log(summariseProfile(process.argv[2]!, 30));
