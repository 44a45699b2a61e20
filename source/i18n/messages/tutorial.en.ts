/** The tutorial view's English messages (the tutorial's own area of the catalog; merged into it by ../catalog.ts). */
export const tutorialEn = {
	'pane.tutorial': 'Tutorial',
	'help.pane.tutorial': 'the tutorial: its steps checked off live, Enter does one',
	'help.tutorialStep': 'do the selected step (opens the prompt or question its own key opens)',
	'hint.tutorialStep': 'do it',
	'tutorial.heading': 'Tutorial: pods and services, in namespace {namespace}',
	'tutorial.keys': 'in kpods',
	'tutorial.enter': 'Enter does it',
	'tutorial.next': 'Enter: on to the next step',
	'tutorial.noManifest': 'the tutorial manifest {file} is not in the manifests list (3)',
	'tutorial.readonly': 'read-only mode (--readonly): this step changes the cluster',

	'tutorial.pod.title': 'What a pod is',
	'tutorial.pod.text':
		'A pod is the smallest thing Kubernetes runs: one or more containers that share one IP address and reach each other on localhost. You never start containers yourself: you ask for a pod, and Kubernetes starts its containers.',
	'tutorial.run.title': 'Run a pod: testando',
	'tutorial.run.text':
		'kubectl run makes a pod from an image in one command. This one is called testando and runs nginx. Enter opens the run prompt already filled in; Enter again creates the pod.',
	'tutorial.watch.title': 'Watch it start',
	'tutorial.watch.text':
		'A new pod goes from Pending through ContainerCreating to Running while its image is pulled. The pods pane is live, like --watch: wait for testando to say Running.',
	'tutorial.describe.title': 'Describe it',
	'tutorial.describe.text':
		"describe tells everything about a pod: its IP, its node, its containers and what happened to it since it was created (the events). Enter opens testando's describe.",
	'tutorial.delete.title': 'Delete it',
	'tutorial.delete.text':
		'A pod made with kubectl run is only a pod: once deleted, nothing brings it back. Enter asks whether to delete testando; y confirms.',
	'tutorial.firstPod.title': 'Your first pod from YAML',
	'tutorial.firstPod.text':
		'Writing the pod down in a YAML file is the recommended way: the file says what you want, and kubectl apply -f makes the cluster match it. Enter shows a dry run of o_primeiro_pod.yaml; y applies it.',
	'tutorial.clusterIp.title': 'A ClusterIP service and its pod',
	'tutorial.clusterIp.text':
		'A service gives pods one fixed address and name inside the cluster. svc-pod listens on port 4050 and passes each request to port 80 of the pods labelled app: pod-label, such as pod-1. Service first, then the pod: Enter shows both, in that order.',
	'tutorial.addresses.title': 'The addresses',
	'tutorial.addresses.text':
		"Each pod has its own IP (get pods -o wide) and the service has its cluster IP (get svc). A pod's IP changes when the pod is made again; the service's stays. Enter shows the pods; 2 the services.",
	'tutorial.nodePort.title': 'A NodePort service and its pod',
	'tutorial.nodePort.text':
		'A NodePort service also opens one port on every node, so the app can be reached from outside the cluster. svc-pod2 takes port 5000 and opens node port 30000 for pod-2 (app: pod-label2). Service first again.',
	'tutorial.reachNodePort.title': 'Open the app from outside',
	'tutorial.reachNodePort.text':
		"From your machine, open the node's address at port 30000 (NODE-IP:30000). On minikube, minikube ip prints the node's address. Enter shows svc-pod2 and the address to open.",
	'tutorial.reachClusterIp.title': 'Reach the ClusterIP from inside',
	'tutorial.reachClusterIp.text':
		"A ClusterIP answers only inside the cluster. Open a shell in o-primeiro-pod and run curl svc-pod:4050: the service's name resolves, and nginx in pod-1 answers.",

	'tutorial.check.read': 'read it, then Enter',
	'tutorial.check.noPod': 'no pod {name} yet',
	'tutorial.check.describeHere':
		'kpods sees the describe it opens (Enter); kubectl describe in another terminal leaves no trace on the cluster',
	'tutorial.check.terminating': '{name} is terminating',
	'tutorial.check.stillThere': '{name} still exists',
	'tutorial.check.gone': '{name} is gone',
	'tutorial.check.notSeen': 'kpods has not seen {name} in this namespace yet: run it first',
	'tutorial.check.noService': 'no service {name} yet',
	'tutorial.check.serviceDiffers': "{name} is {type} {ports}, not what the tutorial's manifest says",
	'tutorial.check.noEndpoint': '{service} has no ready endpoint on {pod}:{port} yet ({pod}: {status})',
	'tutorial.check.endpoint': '{service} → {address} ({pod}), ready',
	'tutorial.check.noAddress': '{name} has no IP yet',
	'tutorial.check.after': 'do step {step} first',
	'tutorial.check.sandboxNoTraffic': 'cannot be checked: on the sandbox no traffic flows, nothing answers at {address}',
	'tutorial.check.open': 'kpods cannot check this: open http://{address} in a browser or with curl',
	'tutorial.check.openMinikube': "kpods cannot check this: open http://{address} (minikube ip prints the node's address)",
	'tutorial.check.sandboxNoShell': 'cannot be checked: on the sandbox no container runs, so the shell is refused',
	'tutorial.check.shellUnseen': 'kpods cannot check this: it does not see what you type in the shell of {pod}',
} as const;
