//! Strongly connected components of a directed graph, for the checks that
//! look for cycles (E0110 in `cycles`, E0320 in `loops`).
//!
//! Tarjan's algorithm, iterative, so that a long chain of declarations
//! needs no deep recursion and the work is linear in nodes plus edges.

/// The strongly connected components of the graph whose node `i` has the
/// out-edges `edges[i]` (`to` gives an edge's target), each sorted, listed
/// by their first node.
pub fn components<E>(edges: &[Vec<E>], to: impl Fn(&E) -> usize) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0)];
        while let Some(&mut (v, ref mut ei)) = work.last_mut() {
            if *ei == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(e) = edges[v].get(*ei) {
                *ei += 1;
                let w = to(e);
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                component.sort_unstable();
                out.push(component);
            }
        }
    }
    out.sort_by_key(|c| c[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn components_of_a_ring_a_chain_and_a_self_loop() {
        // 0 -> 1 -> 2 -> 0, 3 -> 4, 5 -> 5
        let edges: Vec<Vec<usize>> = vec![vec![1], vec![2], vec![0], vec![4], vec![], vec![5]];
        let c = components(&edges, |&e| e);
        assert_eq!(c, vec![vec![0, 1, 2], vec![3], vec![4], vec![5]]);
    }
}
