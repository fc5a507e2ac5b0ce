/** Competition ranks of values sorted from the highest down: equal values share a rank (1, 2, 2, 4). */
export function competitionRanks(sortedDescending: number[]): number[] {
  return sortedDescending.reduce<number[]>((ranks, value, i) => {
    ranks.push(i > 0 && value === sortedDescending[i - 1] ? ranks[i - 1] : i + 1);
    return ranks;
  }, []);
}
