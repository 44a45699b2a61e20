import type {Translation} from '../types.js';
import type {tutorialEn} from './tutorial.en.js';

/** As mensagens da visão do tutorial em português (a parte do tutorial no catálogo). */
export const tutorialPtBR = {
	'pane.tutorial': 'Tutorial',
	'help.pane.tutorial': 'o tutorial: os passos marcados ao vivo; Enter faz um',
	'help.tutorialStep': 'faz o passo selecionado (abre o prompt ou a pergunta da tecla dele)',
	'hint.tutorialStep': 'fazer',
	'tutorial.heading': 'Tutorial: pods e serviços, no namespace {namespace}',
	'tutorial.keys': 'no kpods',
	'tutorial.enter': 'Enter faz este passo',
	'tutorial.next': 'Enter: vá para o próximo passo',
	'tutorial.noManifest': 'o manifesto {file} do tutorial não está na lista de manifestos (3)',
	'tutorial.readonly': 'modo somente leitura (--readonly): este passo altera o cluster',

	'tutorial.pod.title': 'O que é um pod',
	'tutorial.pod.text':
		'O pod é a menor coisa que o Kubernetes roda: um ou mais contêineres que dividem um só IP e se falam por localhost. Você não cria contêineres direto: você pede um pod, e o Kubernetes sobe os contêineres dele.',
	'tutorial.run.title': 'Rode um pod: testando',
	'tutorial.run.text':
		'O kubectl run cria um pod a partir de uma imagem, num comando só. Este se chama testando e roda nginx. Enter abre o prompt de run já preenchido; outro Enter cria o pod.',
	'tutorial.watch.title': 'Veja o pod subir',
	'tutorial.watch.text':
		'Um pod novo passa de Pending para ContainerCreating e depois Running, enquanto a imagem é baixada. A aba de pods é ao vivo, como o --watch: espere o testando chegar a Running.',
	'tutorial.describe.title': 'Descreva o pod',
	'tutorial.describe.text':
		'O describe conta tudo sobre um pod: o IP, o nó, os contêineres e o que aconteceu com ele desde a criação (os eventos). Enter abre o describe do testando.',
	'tutorial.delete.title': 'Apague o pod',
	'tutorial.delete.text':
		'Um pod criado com kubectl run é só um pod: apagou, nada o traz de volta. Enter pergunta se é para apagar o testando; y confirma.',
	'tutorial.firstPod.title': 'Seu primeiro pod em YAML',
	'tutorial.firstPod.text':
		'Descrever o pod num arquivo YAML é o jeito recomendado: o arquivo diz o que você quer, e o kubectl apply -f deixa o cluster igual a ele. Enter mostra um dry run do arquivo o_primeiro_pod.yaml; y aplica.',
	'tutorial.clusterIp.title': 'Um serviço ClusterIP e o pod dele',
	'tutorial.clusterIp.text':
		'Um serviço dá aos pods um endereço e um nome fixos dentro do cluster. O svc-pod escuta na porta 4050 e repassa cada pedido para a porta 80 dos pods com o rótulo app: pod-label, como o pod-1. Primeiro o serviço, depois o pod: Enter mostra os dois, nessa ordem.',
	'tutorial.addresses.title': 'Os endereços',
	'tutorial.addresses.text':
		'Cada pod tem o seu IP (get pods -o wide) e o serviço tem o IP do cluster (get svc). O IP do pod muda quando o pod é recriado; o do serviço fica. Enter mostra os pods; 2, os serviços.',
	'tutorial.nodePort.title': 'Um serviço NodePort e o pod dele',
	'tutorial.nodePort.text':
		'Um serviço NodePort abre também uma porta em cada nó, para que a aplicação seja acessada de fora do cluster. O svc-pod2 usa a porta 5000 e abre a porta 30000 nos nós para o pod-2 (app: pod-label2). De novo, o serviço primeiro.',
	'tutorial.reachNodePort.title': 'Acesse a aplicação de fora',
	'tutorial.reachNodePort.text':
		'Da sua máquina, abra o endereço do nó na porta 30000 (IP-DO-NÓ:30000). No minikube, o minikube ip mostra o endereço do nó. Enter mostra o svc-pod2 e o endereço para abrir.',
	'tutorial.reachClusterIp.title': 'Acesse o ClusterIP por dentro',
	'tutorial.reachClusterIp.text':
		'Um ClusterIP só responde dentro do cluster. Abra um shell no pod o-primeiro-pod e rode curl svc-pod:4050: o nome do serviço é resolvido, e o nginx do pod-1 responde.',

	'tutorial.check.read': 'leia e aperte Enter',
	'tutorial.check.noPod': 'ainda não há pod {name}',
	'tutorial.check.describeHere':
		'o kpods vê o describe que ele mesmo abre (Enter); um kubectl describe em outro terminal não deixa rastro no cluster',
	'tutorial.check.terminating': '{name} está terminando',
	'tutorial.check.stillThere': '{name} ainda existe',
	'tutorial.check.gone': '{name} foi apagado',
	'tutorial.check.notSeen': 'o kpods ainda não viu o pod {name} neste namespace: rode-o antes',
	'tutorial.check.noService': 'ainda não há serviço {name}',
	'tutorial.check.serviceDiffers': '{name} é {type} {ports}, diferente do manifesto do tutorial',
	'tutorial.check.noEndpoint': '{service} ainda não tem endpoint pronto em {pod}:{port} ({pod}: {status})',
	'tutorial.check.endpoint': '{service} → {address} ({pod}), pronto',
	'tutorial.check.noAddress': '{name} ainda não tem IP',
	'tutorial.check.after': 'faça antes o passo {step}',
	'tutorial.check.sandboxNoTraffic': 'não dá para conferir: no sandbox não passa tráfego, ninguém responde em {address}',
	'tutorial.check.open': 'o kpods não consegue conferir: abra http://{address} no navegador ou com curl',
	'tutorial.check.openMinikube': 'o kpods não consegue conferir: abra http://{address} (o minikube ip mostra o endereço do nó)',
	'tutorial.check.sandboxNoShell': 'não dá para conferir: no sandbox nenhum contêiner roda, então o shell é recusado',
	'tutorial.check.shellUnseen': 'o kpods não consegue conferir: ele não vê o que você digita no shell do pod {pod}',
} as const satisfies Translation<typeof tutorialEn>;
